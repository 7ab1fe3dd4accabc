import Foundation
import Testing

@testable import SimCore

/// The whole world as one document: exact round trips, pending work that resumes, snapshots.
@Suite struct WorldStateTests {
    let enterprise = TestWorld.enterpriseName

    /// The test world, with the country of its SIMs' network.
    var seed: WorldSeed {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        return seed
    }

    private func encode(_ state: WorldState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(state)
    }

    /// A simulator of the test world in the middle of things: a batch job half done, an SMS on its
    /// way, a push being retried, an order, usage, faults, traffic and a second enterprise.
    private func busyWorld(_ transport: ScriptedPushTransport = ScriptedPushTransport([503])) async throws -> Simulator {
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(milliseconds: 5_000), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/", secret: "s3cret"), forAccount: nil, enterprise: enterprise)
        _ = try simulator.createEnterprise(named: "Second", apiKey: nil, template: .default)
        let activated = TestWorld.giccid(.activated)
        _ = try simulator.recordSession(
            DataSession(mcc: "234", imei: "356938035643809", bytes: 600_000_000), giccid: activated, enterprise: enterprise)
        _ = try simulator.subscribeServicePackage(TestWorld.fleetAddon, effectiveTime: nil, giccid: activated, enterprise: enterprise)
        _ = try simulator.perform(
            .deactivate, giccid: TestWorld.giccid(.activated, account: TestWorld.prepaidAccount), enterprise: enterprise, source: .api)
        _ = try simulator.createFault(.outcome(.init(operation: .retire)), times: 2, seed: nil, enterprise: enterprise)
        _ = try simulator.createFault(
            .http(.init(path: FaultPathPattern("/v1/*")!, status: 500, probability: 0.5)), times: nil, seed: 3, enterprise: enterprise)
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 48_000, enterprise: enterprise)
        let giccids = [TestWorld.giccid(.inventory), TestWorld.giccid(.activationReady), TestWorld.giccid(.testReady)]
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: giccids), enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: SimDuration(milliseconds: 1_020))
        _ = try simulator.sendMTSMS(toGiccid: activated, content: "hello", encoding: nil, enterprise: enterprise)
        return simulator
    }

    @Test func aStateReadBackGivesTheSameBytes() async throws {
        // Given a busy world and its state
        let original = try await busyWorld()
        let saved = try encode(original.exportState())
        // When the document is loaded into another simulator
        let restored = TestWorld.simulator()
        restored.importState(try JSONDecoder().decode(WorldState.self, from: saved))
        // Then its state is the same to the byte
        #expect(try encode(restored.exportState()) == saved)
    }

    @Test func pendingWorkResumesAfterALoadExactlyAsItWouldHaveRun() async throws {
        // Given a busy world, and a copy of it made from its state
        let original = try await busyWorld()
        let copy = Simulator(
            seed: seed, clockMode: .manual, wallClock: ManualWallClock(milliseconds: 5_000), pushTransport: ScriptedPushTransport())
        copy.importState(try JSONDecoder().decode(WorldState.self, from: try encode(original.exportState())))
        // When both run two days on
        for simulator in [original, copy] { try await simulator.advanceAndDeliver(by: .days(2)) }
        // Then they are the same world: the job finished, the SMS arrived, the push was retried
        #expect(try encode(copy.exportState()) == encode(original.exportState()))
        let job = try #require(try copy.batchJob(fromAnyOf: enterprise))
        #expect(job.status == .finished)
        #expect(try copy.deliveries(DeliveryQuery(state: .pending), page: PageRequest(), enterprise: enterprise).total == 0)
    }

    @Test func aSnapshotPutsTheWorldBackAsItWasAndIsKept() async throws {
        let simulator = try await busyWorld()
        let info = try simulator.saveSnapshot(named: "before-retire")
        #expect(info.enterpriseNames == [enterprise, "Second"].sorted())
        let before = try encode(simulator.exportState())
        // When things change and time passes
        _ = try simulator.perform(.activate, giccid: TestWorld.giccid(.deactivated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .hours(5))
        _ = try simulator.createEnterprise(named: "Third", apiKey: nil, template: .empty)
        // Then restoring gives back the world of the snapshot, twice over
        try simulator.restoreSnapshot(named: "before-retire")
        #expect(try encode(simulator.exportState()) == before)
        #expect(!simulator.hasEnterprise(named: "Third"))
        try simulator.restoreSnapshot(named: "before-retire")
        #expect(simulator.snapshotList().map(\.name) == ["before-retire"])
        // And reset keeps snapshots; deleting forgets one
        simulator.reset()
        #expect(simulator.snapshotList().count == 1)
        try simulator.deleteSnapshot(named: "before-retire")
        #expect(throws: SimError.self) { try simulator.restoreSnapshot(named: "before-retire") }
        #expect(throws: SimError.self) { try simulator.saveSnapshot(named: "no spaces") }
    }

    @Test func anAttemptInFlightWhenTheStateWasTakenIsMadeAgainAfterALoad() async throws {
        // Given a push whose attempt was handed out but never answered
        let simulator = TestWorld.simulator()
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try simulator.advance(by: .zero)
        let state = simulator.exportState()
        // When that state is loaded where pushes reach a receiver
        let transport = ScriptedPushTransport()
        let restored = Simulator(seed: TestWorld.make(), clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        restored.importState(state)
        try await restored.advanceAndDeliver(by: .zero)
        // Then the attempt is made again, and the push delivered
        #expect(transport.requests.map(\.event.eventType) == [.simStatusChange])
        #expect(try restored.deliveries(DeliveryQuery(), page: PageRequest(), enterprise: enterprise).items.map(\.state) == [.delivered])
    }

    @Test func documentsThatContradictThemselvesAreRefused() async throws {
        let saved = try encode(try await busyWorld().exportState())
        var text = String(decoding: saved, as: UTF8.self)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorldState.self, from: Data(text.replacingOccurrences(of: "smarthub-sim-state", with: "other").utf8))
        }
        text = text.replacingOccurrences(of: #""nextTaskIndex":\d+"#, with: #""nextTaskIndex":7"#, options: .regularExpression)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorldState.self, from: Data(text.utf8)) }
    }
}

extension Simulator {
    /// The one batch job of the enterprise (the tests' busy world has exactly one).
    fileprivate func batchJob(fromAnyOf enterprise: String) throws -> BatchJob? {
        let state = exportState()
        return state.tenants.first { $0.enterprise.name == enterprise }?.batchJobs.values.first
    }
}
