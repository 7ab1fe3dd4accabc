import Foundation
import GRDB
import SimCore
import Testing

@testable import SimStore

/// The world kept in SQLite: what is saved loads back the same, only what changed is written,
/// removed enterprises go, and a store opened again finds its world.
@Suite struct WorldStoreTests {
    let enterprise = "Acme IoT"

    /// A fresh folder for one test's database.
    private func folder() -> String {
        let path = NSTemporaryDirectory() + "smarthub-sim-store-" + UUID().uuidString
        return path
    }

    /// A small world: one enterprise with two SIMs.
    private func simulator() -> Simulator {
        let created = Timestamp(secondsSinceEpoch: 1_736_467_200)
        let account = Account(
            name: "Main", chargeType: .charge, prepaidRenewType: nil, simSkus: ["SKU"], servicePackageNames: ["Basic"], sharePoolNames: [])
        let plan = ServicePackage(
            name: "Basic", accountName: "Main", kind: .basic, billingType: .postpaid, dataQuotaBytes: 1_000_000, smsQuota: nil,
            validityDays: nil, price: 1, currency: "USD", sharePoolName: nil)
        let sims = ["8944990000000000011", "8944990000000000029"].enumerated().map { index, iccid in
            SIM(
                iccid: iccid, imsi: "23499000000000\(index)", msisdn: "44770090000\(index)", status: .inventory, accountName: "Main",
                basicServicePackageName: "Basic", createdTime: created)
        }
        let seed = WorldSeed(
            startTime: Timestamp(secondsSinceEpoch: 1_742_025_600), randomSeed: 1,
            enterprises: [
                EnterpriseSeed(
                    enterprise: Enterprise(name: enterprise, apiKey: "acme-key-0123456789abcdef", createdTime: created), accounts: [account],
                    servicePackages: [plan], sharePools: [], sims: sims)
            ])
        return Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
    }

    private func encode(_ state: WorldState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(state)
    }

    @Test func aNewStoreHoldsNothingAndASavedWorldLoadsBackTheSame() throws {
        let directory = folder()
        let store = try WorldStore(directory: directory)
        #expect(try store.load() == nil)
        // Given a world with changes, saved
        let simulator = simulator()
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: enterprise, source: .api)
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: ["8944990000000000029"]), enterprise: enterprise)
        let saver = try WorldSaver(simulator: simulator, store: store)
        try saver.save()
        // When the store is opened again and loaded into another simulator
        let loaded = try #require(try WorldStore(directory: directory).load())
        let restored = self.simulator()
        restored.importState(loaded)
        // Then it is the same world, and its pending batch task runs
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
        try restored.advance(by: .seconds(5))
        #expect(try restored.sim("8944990000000000029", enterprise: enterprise).status == .activated)
    }

    @Test func eachSaveWritesTheLatestChangesAndRemovedEnterprisesGo() throws {
        let directory = folder()
        let simulator = simulator()
        let saver = try WorldSaver(simulator: simulator, store: try WorldStore(directory: directory))
        try saver.save()
        _ = try simulator.createEnterprise(named: "Second", apiKey: nil, template: .default)
        try saver.save()
        #expect(try WorldStore(directory: directory).enterpriseNames() == [enterprise, "Second"])
        _ = try simulator.updateCustomFields(
            ofSIM: "8944990000000000011", CustomFieldsUpdate(values: [0: "kept"]), enterprise: enterprise)
        try simulator.deleteEnterprise(named: "Second")
        try saver.save()
        let loaded = try #require(try WorldStore(directory: directory).load())
        #expect(loaded.enterpriseNames == [enterprise])
        let restored = self.simulator()
        restored.importState(loaded)
        #expect(try restored.customFields(ofSIM: "8944990000000000011", enterprise: enterprise).custom1 == "kept")
    }

    @Test func onlyTheEnterprisesThatChangedAreInTheChanges() throws {
        let simulator = simulator()
        _ = try simulator.createEnterprise(named: "Second", apiKey: nil, template: .default)
        let first = try #require(simulator.changes(since: nil))
        #expect(Set(first.changedEnterprises.map(\.name)) == [enterprise, "Second"])
        #expect(simulator.changes(since: first.revision) == nil, "nothing changed since")
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: "Second", source: .api)
        let second = try #require(simulator.changes(since: first.revision))
        #expect(second.changedEnterprises.map(\.name) == ["Second"])
        try simulator.advance(by: .seconds(1))
        let third = try #require(simulator.changes(since: second.revision), "a clock change is a change")
        #expect(third.changedEnterprises.isEmpty && third.header.now == Timestamp(secondsSinceEpoch: 1_742_025_601))
    }

    @Test func snapshotsAreSavedWhenTheyChangeAndComeBackWithTheStore() throws {
        let directory = folder()
        let simulator = simulator()
        let saver = try WorldSaver(simulator: simulator, store: try WorldStore(directory: directory))
        try simulator.saveSnapshot(named: "clean")
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: enterprise, source: .api)
        try simulator.saveSnapshot(named: "one-active")
        try saver.save()
        try simulator.deleteSnapshot(named: "clean")
        try saver.save()
        // When a new simulator opens the store
        let store = try WorldStore(directory: directory)
        let restored = self.simulator()
        restored.loadSnapshots(try store.loadSnapshots())
        // Then it has the snapshots that were left, and restoring one gives its world
        #expect(restored.snapshotList().map(\.name) == ["one-active"])
        try restored.restoreSnapshot(named: "one-active")
        #expect(try restored.sim("8944990000000000011", enterprise: enterprise).status == .activated)
    }

    @Test func theSchemaVersionsAreRecordedInTheDatabase() throws {
        let directory = folder()
        _ = try WorldStore(directory: directory)
        let database = try DatabaseQueue(path: directory + "/" + WorldStore.fileName)
        let applied = try database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["v1: world and enterprises", "v2: snapshots"])
    }
}
