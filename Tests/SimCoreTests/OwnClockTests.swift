import Foundation
import Testing

@testable import SimCore

/// Enterprises with clocks of their own: each one's due work runs when its clock moves, never
/// when the world clock or another enterprise's clock does.
@Suite struct OwnClockTests {
    let all = try! PageRequest(size: PageRequest.maximumSize)
    /// The ACTIVATED SIM of the prepaid account (its 30-day term ends 2025-04-02T00:00Z).
    let meterSIM = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)
    let fleetSIM = TestWorld.giccid(.activated)

    /// The test world with a 30-day prepaid basic plan, pushing through `transport`.
    private func simulator(_ transport: ScriptedPushTransport, wallClock: ManualWallClock = ManualWallClock()) throws -> Simulator {
        var seed = TestWorld.make()
        let basic = try #require(seed.enterprises[0].servicePackages.firstIndex { $0.name == TestWorld.meterBasic })
        seed.enterprises[0].servicePackages[basic].validityDays = 30
        return Simulator(seed: seed, clockMode: .manual, wallClock: wallClock, pushTransport: transport)
    }

    /// A tenant named `name` with its own clock (or the shared one) and a webhook at `http://<name>.test/`.
    @discardableResult
    private func tenant(_ name: String, own: Bool = true, in simulator: Simulator) throws -> String {
        _ = try simulator.createEnterprise(named: name, apiKey: nil, template: .default, ownClock: own ? OwnClockDeclaration() : nil)
        try simulator.setWebhook(WebhookConfiguration(url: "http://\(name).test/"), forAccount: nil, enterprise: name)
        return name
    }

    private func pushes(to name: String, _ transport: ScriptedPushTransport) -> [PushRequest] {
        transport.requests.filter { $0.url == "http://\(name).test/" }
    }

    @Test func advancingOneOwnClockThirtyDaysLeavesAnotherOwnClockTenantUntouched() async throws {
        // Given two own-clock tenants, the second with a batch job, an SMS and a push pending
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let moved = try tenant("moved", in: simulator)
        let still = try tenant("still", in: simulator)
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [fleetSIM]), enterprise: still).jobId
        let sms = try simulator.sendMTSMS(toGiccid: fleetSIM, content: "hello", encoding: nil, enterprise: still)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: moved, source: .api)
        // When the first is advanced 30 days
        let end = try await simulator.advanceAndDeliver(by: .days(30), for: moved)
        // Then its clock and its work moved: its prepaid term expired and its push went out at its time
        #expect(end == TestWorld.startTime.adding(.days(30)))
        #expect(simulator.clockReading(for: moved) == ClockReading(now: end, mode: .manual, scale: 1, isOwn: true))
        #expect(try simulator.sim(meterSIM, enterprise: moved).basicPackageOrder?.status == .expired)
        #expect(pushes(to: moved, transport).map(\.event.eventTime).first == TestWorld.startTime)
        // And the other's clock, prepaid term, batch job, SMS and webhook did not move
        #expect(simulator.clockReading(for: still).now == TestWorld.startTime)
        #expect(try simulator.sim(meterSIM, enterprise: still).basicPackageOrder?.status == .active)
        #expect(try simulator.batchJob(jobId, enterprise: still, page: all).job.status == .processing)
        #expect(try simulator.mtSMS(sms.smsMsgId, enterprise: still).status == .pending)
        #expect(pushes(to: still, transport).isEmpty)
        // And neither did the world clock
        #expect(simulator.clockReading().now == TestWorld.startTime)
    }

    @Test func everythingAnOwnClockTenantTimeStampsIsOnItsClock() async throws {
        // Given a tenant whose own clock starts a year after the world clock
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let start = TestWorld.startTime.adding(.days(365))
        let enterprise = try simulator.createEnterprise(
            named: "later", apiKey: nil, template: .default, ownClock: OwnClockDeclaration(start: start))
        try simulator.setWebhook(WebhookConfiguration(url: "http://later.test/"), forAccount: nil, enterprise: "later")
        // When it changes a SIM, sends an SMS and starts a batch job
        let changed = try simulator.perform(.deactivate, giccid: fleetSIM, enterprise: "later", source: .api)
        let sms = try simulator.sendMTSMS(
            toGiccid: TestWorld.giccid(.activated, account: TestWorld.prepaidAccount), content: "x", encoding: nil, enterprise: "later")
        let job = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [TestWorld.giccid(.inventory)]), enterprise: "later")
        try await simulator.advanceAndDeliver(by: .minutes(1), for: "later")
        // Then its created time, change log, SMS, job, account cycle and pushes read its clock
        #expect(enterprise.createdTime == start)
        #expect(changed.lastStatusChangeTime == start)
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: fleetSIM), page: all, enterprise: "later").items
        #expect(log.last?.time == start)
        #expect(sms.createdTime == start)
        #expect(job.createdTime == start)
        #expect(try simulator.account(named: TestWorld.postpaidAccount, enterprise: "later").currentCycleName == start.cycleName)
        #expect(pushes(to: "later", transport).first?.event.eventTime == start)
        #expect(pushes(to: "later", transport).first?.time == start)
        // While the demo enterprise still reads the world clock
        #expect(try simulator.account(named: TestWorld.postpaidAccount, enterprise: TestWorld.enterpriseName).currentCycleName == "2025-03")
    }

    @Test func eightOwnClocksAdvancedTogetherEachEndWhereTheirOwnClockSays() async throws {
        // Given eight own-clock tenants, each with a batch job of its own and a failing first push
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let names = (1...8).map { "tenant-\($0)" }
        var jobs: [String: String] = [:]
        for name in names {
            try tenant(name, in: simulator)
            jobs[name] = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [fleetSIM]), enterprise: name).jobId
        }
        // When they are all advanced at once, tenant k by k hours
        let ends = try await withThrowingTaskGroup(of: (String, Timestamp).self) { group in
            for (index, name) in names.enumerated() {
                group.addTask { (name, try await simulator.advanceAndDeliver(by: .hours(Int64(index + 1)), for: name)) }
            }
            return try await group.reduce(into: [String: Timestamp]()) { $0[$1.0] = $1.1 }
        }
        // Then each clock reads its own amount, each job finished, and each push carries its own enterprise and time
        for (index, name) in names.enumerated() {
            let expected = TestWorld.startTime.adding(.hours(Int64(index + 1)))
            #expect(ends[name] == expected)
            #expect(simulator.clockReading(for: name).now == expected)
            #expect(try simulator.batchJob(jobs[name]!, enterprise: name, page: all).job.status == .finished)
            let received = pushes(to: name, transport)
            #expect(!received.isEmpty)
            #expect(received.allSatisfy { $0.enterpriseName == name && $0.time <= expected })
        }
        #expect(simulator.clockReading().now == TestWorld.startTime)
    }

    @Test func anUnscopedAdvanceMovesSharedClockTenantsButNotOwnClockOnes() async throws {
        // Given a shared-clock tenant and an own-clock tenant, each with a pending SMS
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let shared = try tenant("shared", own: false, in: simulator)
        let own = try tenant("own", in: simulator)
        let sharedSMS = try simulator.sendMTSMS(toGiccid: fleetSIM, content: "a", encoding: nil, enterprise: shared)
        let ownSMS = try simulator.sendMTSMS(toGiccid: fleetSIM, content: "b", encoding: nil, enterprise: own)
        // When the world clock moves an hour
        try await simulator.advanceAndDeliver(by: .hours(1))
        // Then the shared tenant moved with it and the own-clock tenant did not
        #expect(simulator.clockReading(for: shared) == ClockReading(now: TestWorld.startTime.adding(.hours(1)), mode: .manual, scale: 1))
        #expect(try simulator.mtSMS(sharedSMS.smsMsgId, enterprise: shared).status == .delivered)
        #expect(simulator.clockReading(for: own).now == TestWorld.startTime)
        #expect(try simulator.mtSMS(ownSMS.smsMsgId, enterprise: own).status == .pending)
        // And an advance scoped to a shared-clock tenant moves the world clock
        try await simulator.advanceAndDeliver(by: .hours(1), for: shared)
        #expect(simulator.clockReading().now == TestWorld.startTime.adding(.hours(2)))
    }

    @Test func aStateDocumentKeepsEachOwnClockAndItsPendingWork() async throws {
        // Given an own-clock tenant moved a day, with an SMS pending on its clock
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let own = try tenant("own", in: simulator)
        try await simulator.advanceAndDeliver(by: .days(1), for: own)
        let sms = try simulator.sendMTSMS(toGiccid: fleetSIM, content: "later", encoding: nil, enterprise: own)
        // And a batch job running on its clock (the document is refused when a running job has no step)
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [meterSIM]), enterprise: own).jobId
        // When the state is exported, encoded, decoded and imported into a fresh simulator
        let data = try JSONEncoder().encode(simulator.exportState())
        let restored = try self.simulator(transport)
        restored.importState(try JSONDecoder().decode(WorldState.self, from: data))
        // Then the tenant's clock reads the same, and its SMS is delivered only when its own clock moves
        #expect(restored.clockReading(for: own) == ClockReading(now: TestWorld.startTime.adding(.days(1)), mode: .manual, scale: 1, isOwn: true))
        try await restored.advanceAndDeliver(by: .hours(1))
        #expect(try restored.mtSMS(sms.smsMsgId, enterprise: own).status == .pending)
        try await restored.advanceAndDeliver(by: .seconds(2), for: own)
        #expect(try restored.mtSMS(sms.smsMsgId, enterprise: own).status == .delivered)
        #expect(try restored.batchJob(jobId, enterprise: own, page: all).job.status == .finished)
    }

    @Test func aRealOwnClockRunsItsWorkAsWallTimePasses() throws {
        // Given a real-mode own clock at scale 60 with an SMS due two simulated seconds later
        let wall = ManualWallClock(milliseconds: 1_700_000_000_000)
        let simulator = try simulator(ScriptedPushTransport(), wallClock: wall)
        _ = try simulator.createEnterprise(
            named: "real", apiKey: nil, template: .default, ownClock: OwnClockDeclaration(mode: .real, scale: 60))
        let sms = try simulator.sendMTSMS(toGiccid: fleetSIM, content: "x", encoding: nil, enterprise: "real")
        // Then the next due work is 2/60 s of wall time away
        let nextDue = simulator.wallTimeOfNextDueWork()
        #expect(nextDue == Int64(1_700_000_000_034), "\(String(describing: nextDue))")
        // When a wall second passes and the due work runs
        wall.advance(milliseconds: 1000)
        simulator.runWorkDueNow()
        // Then the SMS is delivered, the tenant's clock read a minute on, and the world clock stood still
        #expect(try simulator.mtSMS(sms.smsMsgId, enterprise: "real").status == .delivered)
        #expect(simulator.clockReading(for: "real").now == TestWorld.startTime.adding(.minutes(1)))
        #expect(simulator.clockReading().now == TestWorld.startTime)
    }

    @Test func anOwnClockDeclarationOutOfRangeIsRefused() {
        let simulator = TestWorld.simulator()
        #expect(
            refusal { () throws(SimError) in
                try simulator.createEnterprise(named: "x", apiKey: nil, template: .empty, ownClock: OwnClockDeclaration(scale: 0))
            }?
            .field == "scale")
        #expect(
            refusal { () throws(SimError) in
                try simulator.createEnterprise(
                    named: "x", apiKey: nil, template: .empty, ownClock: OwnClockDeclaration(start: Timestamp.latest.adding(.seconds(1))))
            }?.field == "start")
        #expect(!simulator.hasEnterprise(named: "x"))
    }

    @Test func theTurnsOfADeletedEnterprisesClockGoWithIt() async throws {
        // Given many own-clock enterprises, each advanced once, then deleted
        let simulator = TestWorld.simulator()
        for index in 0..<200 {
            let name = "tenant-\(index)"
            _ = try simulator.createEnterprise(named: name, apiKey: nil, template: .empty, ownClock: OwnClockDeclaration())
            try await simulator.advanceAndDeliver(by: .hours(1), for: name)
            #expect(simulator.ownAdvanceTurns.withLock { $0[name] } != nil)
            try simulator.deleteEnterprise(named: name)
        }
        // Then no turns are kept for them
        #expect(simulator.ownAdvanceTurns.withLock { $0.isEmpty })
    }
}
