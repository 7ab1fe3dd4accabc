import Foundation
import GRDB
import SimCore
import Synchronization
import Testing

@testable import SimStore

/// The world kept in SQLite as rows: what is saved loads back the same, a save writes the rows of
/// what changed, removed enterprises go, a failed write is undone, and folders of older formats open.
@Suite struct WorldStoreTests {
    let enterprise = "Acme IoT"

    /// A fresh folder for one test's database.
    private func folder() -> String {
        let path = NSTemporaryDirectory() + "smarthub-sim-store-" + UUID().uuidString
        return path
    }

    /// A small world: one enterprise with two SIMs, on a wall clock reading `wallMilliseconds`.
    private func simulator(wallMilliseconds: Int64 = 0) -> Simulator {
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
        return Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(milliseconds: wallMilliseconds))
    }

    private func saver(_ simulator: Simulator, _ store: WorldStore) -> WorldSaver {
        WorldSaver(simulator: simulator, store: store, wallMilliseconds: { 0 })
    }

    private func load(_ directory: String) throws -> WorldState? {
        try WorldStore(directory: directory).load(resumingAt: 0)
    }

    private func encode(_ state: WorldState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(state)
    }

    @Test func aNewStoreHoldsNothingAndASavedWorldLoadsBackTheSame() async throws {
        let directory = folder()
        let store = try WorldStore(directory: directory)
        #expect(try store.load(resumingAt: 0) == nil)
        // Given a world with changes, saved
        let simulator = simulator()
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: enterprise, source: .api)
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: ["8944990000000000029"]), enterprise: enterprise)
        try await saver(simulator, store).save()
        // When the store is opened again and loaded into another simulator
        let loaded = try #require(try load(directory))
        let restored = self.simulator()
        restored.importState(loaded)
        // Then it is the same world, and its pending batch task runs
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
        try restored.advance(by: .seconds(5))
        #expect(try restored.sim("8944990000000000029", enterprise: enterprise).status == .activated)
    }

    @Test func eachSaveWritesTheLatestChangesAndRemovedEnterprisesGo() async throws {
        let directory = folder()
        let simulator = simulator()
        let saver = saver(simulator, try WorldStore(directory: directory))
        try await saver.save()
        _ = try simulator.createEnterprise(named: "Second", apiKey: nil, template: .default)
        try await saver.save()
        #expect(try WorldStore(directory: directory).enterpriseNames() == [enterprise, "Second"])
        _ = try simulator.updateCustomFields(
            ofSIM: "8944990000000000011", CustomFieldsUpdate(values: [0: "kept"]), enterprise: enterprise)
        try simulator.deleteEnterprise(named: "Second")
        try await saver.save()
        let loaded = try #require(try load(directory))
        #expect(loaded.enterpriseNames == [enterprise])
        let restored = self.simulator()
        restored.importState(loaded)
        #expect(try restored.customFields(ofSIM: "8944990000000000011", enterprise: enterprise).custom1 == "kept")
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
    }

    @Test func aChangeOfOneSIMTakesThatSIMAndItsLogEntryNotTheWorld() throws {
        let simulator = simulator()
        _ = try simulator.createEnterprise(named: "Second", apiKey: nil, template: .default)
        let first = simulator.takeChanges()
        #expect(first.replacesEverything && first.enterprises.map(\.sims.count) == [2, 2])
        #expect(simulator.takeChanges().isEmpty, "nothing changed since")
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: "Second", source: .api)
        let second = simulator.takeChanges()
        #expect(!second.replacesEverything && second.enterprises.map(\.name) == ["Second"])
        #expect(second.enterprises[0].sims.map(\.iccid) == ["8944990000000000011"])
        #expect(second.enterprises[0].newLogEntries.count == 1 && second.enterprises[0].firstNewLogPosition == 0)
        try simulator.advance(by: .seconds(1))
        let third = simulator.takeChanges()
        #expect(!third.isEmpty && third.enterprises.isEmpty && third.now == Timestamp(secondsSinceEpoch: 1_742_025_601), "a clock change is a change")
    }

    @Test func aSaveWritesRowsOfWhatChangedAndTheWorkThatRanLeavesTheStore() async throws {
        let directory = folder()
        let store = try WorldStore(directory: directory)
        let simulator = simulator()
        let saver = saver(simulator, store)
        try await saver.save()
        #expect(try store.rowCount(of: "sim") == 2 && store.rowCount(of: "change_log") == 0)
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: ["8944990000000000029"]), enterprise: enterprise)
        try await saver.save()
        #expect(try store.rowCount(of: "batch_job") == 1 && store.rowCount(of: "scheduled_work") == 1)
        try simulator.advance(by: .seconds(5))
        try await saver.save()
        #expect(try store.rowCount(of: "scheduled_work") == 0 && store.rowCount(of: "change_log") == 1)
        let restored = self.simulator()
        restored.importState(try #require(try load(directory)))
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
    }

    @Test func workOnAnOwnClockIsKeptAsRowsTheChangeOfOneSIMLeavesAlone() async throws {
        let directory = folder()
        let store = try WorldStore(directory: directory)
        let simulator = simulator()
        _ = try simulator.createEnterprise(named: "Own", apiKey: nil, template: .default, ownClock: OwnClockDeclaration())
        let saver = saver(simulator, store)
        try await saver.save()
        // A batch job on the own clock adds one row of pending work, not a rewrite of the enterprise's work
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: ["8944990000000000029"]), enterprise: "Own")
        let submitted = simulator.takeChanges()
        #expect(submitted.enterprises.map(\.name) == ["Own"] && submitted.enterprises[0].ownScheduled.count == 1)
        #expect(
            !String(decoding: try JSONEncoder().encode(submitted.enterprises[0].core), as: UTF8.self).contains("batchStep"),
            "the core holds no pending work")
        try await store.write([submitted])
        #expect(try store.rowCount(of: "own_scheduled_work") == 1 && store.rowCount(of: "scheduled_work") == 0)
        // and when the own clock runs it, the row goes
        try simulator.advance(by: .seconds(5), for: "Own")
        try await saver.save()
        #expect(try store.rowCount(of: "own_scheduled_work") == 0)
        let restored = self.simulator()
        restored.importState(try #require(try load(directory)))
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
    }

    @Test func concurrentSavesAllLandAndEachReturnsOnlyOnceItsChangeIsOnDisk() async throws {
        let directory = folder()
        let simulator = simulator()
        let saver = saver(simulator, try WorldStore(directory: directory))
        try await saver.save()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try simulator.updateCustomFields(
                        ofSIM: index.isMultiple(of: 2) ? "8944990000000000011" : "8944990000000000029",
                        CustomFieldsUpdate(values: [index % 5: "value \(index)"]), enterprise: self.enterprise)
                    try await saver.save()
                }
            }
            try await group.waitForAll()
        }
        let restored = self.simulator()
        restored.importState(try #require(try load(directory)))
        #expect(try encode(restored.exportState()) == encode(simulator.exportState()))
    }

    /// A write that fails.
    private struct DiskFull: Error {}

    @Test func aFailedWriteIsUndoneAndChangesAreRefusedUntilTheStoreWorksAgain() async throws {
        let directory = folder()
        let failing = Mutex(false)
        let store = try WorldStore(directory: directory, beforeWrite: { if failing.withLock({ $0 }) { throw DiskFull() } })
        let simulator = simulator()
        let saver = saver(simulator, store)
        try await saver.save()
        // Given a store that fails its writes
        failing.withLock { $0 = true }
        // When a change is saved
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: enterprise, source: .api)
        await #expect(throws: DiskFull.self) { try await saver.save() }
        // Then the change is undone, and the saver refuses changes while the store fails
        #expect(try simulator.sim("8944990000000000011", enterprise: enterprise).status == .inventory)
        #expect(saver.isUnavailable)
        await #expect(throws: StoreError.self) { try await saver.save() }
        #expect(await saver.recover() == false)
        // When the store works again, a later change is saved
        failing.withLock { $0 = false }
        #expect(await saver.recover())
        _ = try simulator.perform(.activate, giccid: "8944990000000000029", enterprise: enterprise, source: .api)
        try await saver.save()
        let loaded = try #require(try load(directory))
        let restored = self.simulator()
        restored.importState(loaded)
        #expect(try restored.sim("8944990000000000011", enterprise: enterprise).status == .inventory)
        #expect(try restored.sim("8944990000000000029", enterprise: enterprise).status == .activated)
    }

    @Test func aRealClockResumesWhereItWouldBeSoItNeverGoesBack() async throws {
        let directory = folder()
        let seedStart = Timestamp(secondsSinceEpoch: 1_742_025_600)
        let simulator = simulator()
        _ = try simulator.configureClock(mode: .real, scale: 60, now: nil)
        let saver = WorldSaver(simulator: simulator, store: try WorldStore(directory: directory), wallMilliseconds: { 0 })
        try await saver.save()
        // Saved at wall time 0 (a manual wall clock), read back ten wall seconds later at scale 60
        let loaded = try #require(try WorldStore(directory: directory).load(resumingAt: 10_000))
        #expect(loaded.now == seedStart.adding(.seconds(600)))
    }

    @Test func snapshotsAreSavedWhenTheyChangeAndComeBackWithTheStore() async throws {
        let directory = folder()
        let simulator = simulator()
        let saver = saver(simulator, try WorldStore(directory: directory))
        try simulator.saveSnapshot(named: "clean")
        _ = try simulator.perform(.activate, giccid: "8944990000000000011", enterprise: enterprise, source: .api)
        try simulator.saveSnapshot(named: "one-active")
        try await saver.save()
        try simulator.deleteSnapshot(named: "clean")
        try await saver.save()
        // When a new simulator opens the store
        let store = try WorldStore(directory: directory)
        let restored = self.simulator()
        restored.loadSnapshots(try store.loadSnapshots())
        // Then it has the snapshots that were left, and restoring one gives its world
        #expect(restored.snapshotList().map(\.name) == ["one-active"])
        try restored.restoreSnapshot(named: "one-active")
        #expect(try restored.sim("8944990000000000011", enterprise: enterprise).status == .activated)
    }

    @Test func theFormatIsRecordedAndANewerOneIsRefused() throws {
        let directory = folder()
        #expect(try WorldStore(directory: directory).format() == StoreFormat.current)
        let database = try DatabaseQueue(path: directory + "/" + WorldStore.fileName)
        let applied = try database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["v1: world and enterprises", "v2: snapshots", "v3: a row per part"])
        try database.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try database.close()
        #expect(throws: StoreError.self) { try WorldStore(directory: directory) }
    }

    /// A data folder written by format 2 (one JSON document per enterprise), kept in the tests.
    private static let goldenFormat2 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/v2-data")

    @Test func aDataFolderOfFormat2StillOpensWithItsWorld() throws {
        // Given a copy of the golden format-2 folder (a SIM suspended, a finished batch job, a second enterprise, a snapshot)
        let directory = folder()
        try FileManager.default.copyItem(atPath: Self.goldenFormat2.path, toPath: directory)
        // When it is opened
        let store = try WorldStore(directory: directory)
        let state = try #require(try store.load(resumingAt: 0))
        // Then it is migrated to the current format and holds the world it was left with
        #expect(try store.format() == StoreFormat.current)
        #expect(state.enterpriseNames == ["Demo IoT Ltd", "golden-tenant"])
        #expect(state.now == Timestamp(secondsSinceEpoch: 1_742_025_605))
        #expect(try store.loadSnapshots().map(\.name) == ["golden-snap"])
        let document = String(decoding: try encode(state), as: UTF8.self)
        #expect(document.contains("\"335bbf0cc8eac80c776db8a0d2b8b9dc\""), "the batch job is kept")
        let simulator = simulator()
        simulator.importState(state)
        #expect(try simulator.sim("8944102015031128875", enterprise: "Demo IoT Ltd").status == .deactivated)
        let term = try #require(try simulator.sim("8944102015031128875", enterprise: "Demo IoT Ltd").basicPackageOrder, "the prepaid term is kept")
        #expect(term.servicePackageName == "Prepaid-Basic-1G" && term.expireTime != nil)
        #expect(
            try simulator.changeLogs(ChangeLogQuery(giccid: "8944102015031128875"), page: PageRequest(page: 0, size: 10), enterprise: "Demo IoT Ltd")
                .total == 1)
    }

    @Test func anOwnClockAndItsPendingWorkAreSavedAsTheyChangeAndLoadBack() async throws {
        // Given an enterprise with a clock of its own, saved once
        let directory = folder()
        let simulator = simulator()
        let saver = saver(simulator, try WorldStore(directory: directory))
        _ = try simulator.createEnterprise(named: "Own", apiKey: "own-key-0123456789abcdef", template: .default, ownClock: OwnClockDeclaration())
        try await saver.save()
        // When its clock moves a day and a batch job waits on it, each saved as it happens
        _ = try simulator.advance(by: .seconds(86_400), for: "Own")
        try await saver.save()
        let ownNow = simulator.clockReading(for: "Own").now
        let job = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: ["8944990000000000011"]), enterprise: "Own")
        try await saver.save()
        // Then a new simulator loaded from the store has the clock where it was, the world clock unmoved,
        let state = try #require(try load(directory))
        let restored = self.simulator()
        restored.importState(state)
        #expect(restored.clockReading(for: "Own").now == ownNow)
        #expect(restored.clockReading(for: "Own").isOwn)
        #expect(restored.clockReading().now == Timestamp(secondsSinceEpoch: 1_742_025_600))
        // and the job runs when that clock (not the world's) moves on
        _ = try restored.advance(by: .seconds(60))
        #expect(try restored.sim("8944990000000000011", enterprise: "Own").status == .inventory)
        _ = try restored.advance(by: .seconds(60), for: "Own")
        #expect(try restored.sim("8944990000000000011", enterprise: "Own").status == .activated)
        #expect(try restored.batchJob(job.jobId, enterprise: "Own", page: PageRequest(page: 0, size: 10)).job.status == .finished)
    }

    @Test func aRealOwnClockResumesWhereItWouldBe() async throws {
        // Given an own clock in real mode at scale 60, saved at wall time 0
        let directory = folder()
        let simulator = simulator()
        _ = try simulator.createEnterprise(named: "Own", apiKey: nil, template: .empty, ownClock: OwnClockDeclaration())
        _ = try simulator.configureClock(mode: .real, scale: 60, now: nil, for: "Own")
        try await saver(simulator, try WorldStore(directory: directory)).save()
        // When it is read back ten wall seconds later
        let loaded = try #require(try WorldStore(directory: directory).load(resumingAt: 10_000))
        let restored = self.simulator(wallMilliseconds: 10_000)
        restored.importState(loaded)
        // Then it went on ten minutes, as a running clock would have, and still runs at its pace
        let reading = restored.clockReading(for: "Own")
        #expect(reading.now == Timestamp(secondsSinceEpoch: 1_742_025_600).adding(.seconds(600)))
        #expect(reading.mode == .real && reading.scale == 60)
    }

    @Test func theSignatureTimeSettingSurvivesARestart() async throws {
        let directory = folder()
        let simulator = simulator()
        let saver = saver(simulator, try WorldStore(directory: directory))
        try await saver.save()
        var settings = try simulator.settings(enterprise: enterprise)
        #expect(settings.signatureTime == .simulated)
        settings.signatureTime = .wall
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        try await saver.save()
        let restored = self.simulator()
        restored.importState(try #require(try load(directory)))
        #expect(try restored.settings(enterprise: enterprise).signatureTime == .wall)
    }

    /// A data folder written in format 2 by a build with clocks per tenant: the enterprise
    /// `own-tenant` has its own clock a day ahead of the world's, and a batch job activating one
    /// SIM waits on that clock.
    private static let goldenOwnClock = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/v2-own-clock-data")

    @Test func aFormat2FolderWithAnOwnClockKeepsTheClockAndItsPendingJob() throws {
        let directory = folder()
        try FileManager.default.copyItem(atPath: Self.goldenOwnClock.path, toPath: directory)
        let store = try WorldStore(directory: directory)
        let state = try #require(try store.load(resumingAt: 0))
        #expect(try store.format() == StoreFormat.current)
        #expect(state.enterpriseNames == ["Demo IoT Ltd", "own-tenant"])
        let simulator = simulator()
        simulator.importState(state)
        let sixteenthOfMarch = Timestamp(secondsSinceEpoch: 1_742_112_000)
        #expect(simulator.clockReading().now == sixteenthOfMarch.adding(.seconds(-86_400)))
        #expect(simulator.clockReading(for: "own-tenant").now == sixteenthOfMarch)
        #expect(simulator.clockReading(for: "own-tenant").isOwn)
        let giccid = "8944102015031077916"
        let job = "04ab1d73260cfec370dbd2cf45bbd305"
        #expect(try simulator.batchJob(job, enterprise: "own-tenant", page: PageRequest(page: 0, size: 10)).job.status == .processing)
        // The world clock's move leaves the job waiting; the enterprise's clock runs it
        _ = try simulator.advance(by: .seconds(60))
        #expect(try simulator.sim(giccid, enterprise: "own-tenant").status != .activated)
        _ = try simulator.advance(by: .seconds(60), for: "own-tenant")
        #expect(try simulator.sim(giccid, enterprise: "own-tenant").status == .activated)
        #expect(try simulator.batchJob(job, enterprise: "own-tenant", page: PageRequest(page: 0, size: 10)).job.status == .finished)
    }
}
