import Testing

@testable import SimCore

/// What the platform does on its own as usage grows and time passes, at each rule's boundary.
@Suite struct UsageRuleTests {
    let enterprise = TestWorld.enterpriseName
    let all = try! PageRequest(size: PageRequest.maximumSize)

    private func simulator(
        _ transport: ScriptedPushTransport, settings change: (inout EnterpriseSettings) -> Void = { _ in }
    ) throws
        -> Simulator
    {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        change(&seed.settings)
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        return simulator
    }

    private func use(_ bytes: Int64, _ giccid: String, _ simulator: Simulator) throws {
        _ = try simulator.recordSession(DataSession(mcc: "234", bytes: bytes), giccid: giccid, enterprise: enterprise)
    }

    private func pushes(_ type: PushEventType, _ transport: ScriptedPushTransport) -> [PushEvent] {
        transport.requests.map(\.event).filter { $0.eventType == type }
    }

    @Test func aTestReadySIMMovesToActivationReadyOnTheByteThatUsesUpItsTestQuota() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport) { $0.testQuotaBytes = 1_000 }
        let giccid = TestWorld.giccid(.testReady)
        try use(999, giccid, simulator)
        #expect(try simulator.sim(giccid, enterprise: enterprise).status == .testReady)
        try use(1, giccid, simulator)
        #expect(try simulator.sim(giccid, enterprise: enterprise).status == .activationReady)
        try await simulator.advanceAndDeliver(by: .zero)
        let change = try #require(pushes(.simStatusChange, transport).first)
        #expect(change.data["currentStatus"] == .string("ACTIVATION_READY"))
        #expect(change.data["source"] == .string("SYSTEM"))
    }

    @Test func eachCycleThresholdIsPushedOnceOnTheByteThatReachesIt() async throws {
        // Given an ACTIVATED SIM of a 1,000,000,000-byte plan that used 1,048,576 bytes this cycle
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        // When it reaches one byte short of 50 %, then 50 %, then jumps past 100 %
        try use(500_000_000 - TestWorld.marchDataBytes - 1, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .zero)
        #expect(pushes(.cycleUsageTracking, transport).isEmpty)
        try use(1, giccid, simulator)
        try use(10, giccid, simulator)
        try use(600_000_000, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then 50 % went out once, and 80 % and 100 % together
        let sent = pushes(.cycleUsageTracking, transport)
        #expect(sent.map { $0.data["thresholdPercent"] } == [.integer(50), .integer(80), .integer(100)])
        #expect(sent.first?.data["usedBytes"] == .integer(500_000_000))
        #expect(sent.first?.data["quotaBytes"] == .integer(1_000_000_000))
        #expect(sent.first?.data["cycleName"] == .string("2025-03"))
        // And in the next cycle the thresholds are armed again
        try await simulator.advanceAndDeliver(to: try Timestamp(smarthub: "2025-04-01T00:00:00+0000"))
        try use(500_000_000, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .zero)
        #expect(pushes(.cycleUsageTracking, transport).last?.data["cycleName"] == .string("2025-04"))
        #expect(pushes(.cycleUsageTracking, transport).count == 4)
    }

    @Test func anOrdersTrafficThresholdsArePushedAndItIsExhaustedAtItsQuota() async throws {
        // Given an ACTIVATED SIM with a 500,000,000-byte supplementary order
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        let order = try simulator.subscribeServicePackage(TestWorld.fleetAddon, effectiveTime: nil, giccid: giccid, enterprise: enterprise)
        // When it uses 80 % minus a byte, then the byte, then the rest
        try use(400_000_000 - 1, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .zero)
        #expect(pushes(.prepaidPackageTrafficTracking, transport).isEmpty)
        try use(1, giccid, simulator)
        #expect(try simulator.sim(giccid, enterprise: enterprise).supplementaryOrders.first?.status == .active)
        try use(100_000_000, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then 80 % and 100 % went out, and the order is EXHAUSTED
        let sent = pushes(.prepaidPackageTrafficTracking, transport)
        #expect(sent.map { $0.data["thresholdPercent"] } == [.integer(80), .integer(100)])
        #expect(sent.first?.data["orderId"] == .string(order.orderId))
        #expect(try simulator.sim(giccid, enterprise: enterprise).supplementaryOrders.first?.status == .exhausted)
    }

    @Test func aSilentSIMIsReportedOnceAfterTheAlertTimeAndASessionReArmsIt() async throws {
        // Given an ACTIVATED SIM whose last session ends now, and a 72 h alert
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        try use(1, giccid, simulator)
        // When the clock stops one second before 72 h, then at 72 h, then much later
        try await simulator.advanceAndDeliver(by: .seconds(72 * 3600 - 1))
        #expect(pushes(.noSessionConnection, transport).isEmpty)
        try await simulator.advanceAndDeliver(by: .seconds(1))
        try await simulator.advanceAndDeliver(by: .days(10))
        // Then it was reported once, with its last session and the silence
        let sent = pushes(.noSessionConnection, transport)
        #expect(sent.count == 1)
        #expect(sent.first?.data == ["lastSessionTime": .string("2025-03-15T08:00:00+0000"), "silentHours": .integer(72)])
        #expect(sent.first?.eventTime == TestWorld.startTime.adding(.hours(72)))
        // And a new session re-arms the alert
        try use(1, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .hours(72))
        #expect(pushes(.noSessionConnection, transport).count == 2)
    }

    @Test func aSessionBeforeTheAlertTimeCancelsTheAlertAndSuspendedSIMsAreNotReported() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        try use(1, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .hours(71))
        try use(1, giccid, simulator)
        try await simulator.advanceAndDeliver(by: .hours(2))
        #expect(pushes(.noSessionConnection, transport).isEmpty)
        _ = try simulator.perform(.deactivate, giccid: giccid, enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .days(5))
        #expect(pushes(.noSessionConnection, transport).isEmpty)
    }

    @Test func hugeSessionsSaturateInsteadOfOverflowing() throws {
        let simulator = try simulator(ScriptedPushTransport())
        let giccid = TestWorld.giccid(.activated)
        try use(.max, giccid, simulator)
        try use(.max, giccid, simulator)
        #expect(try simulator.sim(giccid, enterprise: enterprise).cycleDataUsageBytes == .max)
    }
}
