import Testing

@testable import SimCore

/// Background traffic: hourly sessions for every ACTIVATED SIM, seeded, with every usage rule.
@Suite struct BackgroundTrafficTests {
    let enterprise = TestWorld.enterpriseName
    let activatedSIMs = [TestWorld.giccid(.activated), TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)]

    private func simulator(_ transport: ScriptedPushTransport = ScriptedPushTransport()) throws -> Simulator {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        return simulator
    }

    private func usage(_ simulator: Simulator) throws -> [Int64] {
        try activatedSIMs.map { try simulator.sim($0, enterprise: enterprise).cycleDataUsageBytes }
    }

    @Test func trafficIsOffUntilTurnedOn() throws {
        let simulator = try simulator()
        let before = try usage(simulator)
        try simulator.advance(by: .days(2))
        #expect(try usage(simulator) == before)
        #expect(try simulator.backgroundTraffic(enterprise: enterprise).enabled == false)
    }

    @Test func eachActivatedSIMGetsOneSessionAnHourOfAboutItsHourlyShare() throws {
        // Given traffic of 24,000 bytes a day: about 1,000 an hour
        let simulator = try simulator()
        let setting = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        #expect(setting.enabled && setting.bytesPerDay == 24_000)
        let before = try usage(simulator)
        // When the clock stops one second short of an hour, nothing has come yet
        try simulator.advance(by: .seconds(3599))
        #expect(try usage(simulator) == before)
        // Then at the hour each ACTIVATED SIM had one session of 500 to 1,500 bytes, on its home network
        try simulator.advance(by: .seconds(1))
        let grown = zip(try usage(simulator), before).map { $0 - $1 }
        #expect(grown.allSatisfy { (500...1_500).contains($0) })
        for giccid in activatedSIMs {
            let sim = try simulator.sim(giccid, enterprise: enterprise)
            #expect(sim.lastSessionTime == TestWorld.startTime.adding(.hours(1)))
            #expect(sim.lastCountryCode == "GB")
        }
        // And SIMs in other statuses got nothing
        #expect(try simulator.sim(TestWorld.giccid(.inventory), enterprise: enterprise).lastSessionTime == nil)
        // And a day brings 24 sessions each: between half and one and a half times the daily figure
        try simulator.advance(by: .hours(23))
        let day = zip(try usage(simulator), before).map { $0 - $1 }
        #expect(day.allSatisfy { (12_000...36_000).contains($0) })
        let statistics = try simulator.countryStatistics(cycleName: nil, page: PageRequest(), enterprise: enterprise).countries.items
        #expect(statistics.map(\.countryCode) == ["GB"])
    }

    @Test func theSameWorldAndCallsGiveTheSameTraffic() throws {
        let first = try simulator()
        let second = try simulator()
        for simulator in [first, second] {
            _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 10_000_000, enterprise: enterprise)
            try simulator.advance(by: .days(3))
        }
        #expect(try usage(first) == usage(second))
    }

    @Test func turningItOffStopsItAndTurningItOnTwiceDoesNotDoubleIt() throws {
        let simulator = try simulator()
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        try simulator.advance(by: .hours(1))
        let afterOneHour = try usage(simulator)
        let growth = zip(afterOneHour, try usage(try self.simulator())).map { $0 - $1 }
        #expect(growth.allSatisfy { $0 <= 1_500 })
        let off = try simulator.setBackgroundTraffic(enabled: false, bytesPerDay: nil, enterprise: enterprise)
        #expect(!off.enabled && off.bytesPerDay == 24_000)
        try simulator.advance(by: .days(1))
        #expect(try usage(simulator) == afterOneHour)
    }

    @Test func trafficTurnsItselfOffAYearAfterItWasTurnedOn() throws {
        // Given traffic turned on at the start
        let simulator = try simulator()
        let on = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        let end = TestWorld.startTime.adding(.days(366))
        #expect(on.until == end)
        // When the clock reaches its end, the last round has come
        try simulator.advance(to: end)
        #expect(try simulator.sim(activatedSIMs[0], enterprise: enterprise).lastSessionTime == end)
        // Then it is off, and no session follows
        let after = try simulator.backgroundTraffic(enterprise: enterprise)
        #expect(!after.enabled && after.until == nil)
        try simulator.advance(by: .days(2))
        #expect(try simulator.sim(activatedSIMs[0], enterprise: enterprise).lastSessionTime == end)
    }

    @Test func aNegativeDailyFigureIsRefused() throws {
        let simulator = try simulator()
        let error = #expect(throws: SimError.self) { try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: -1, enterprise: enterprise) }
        #expect(error?.issues.map(\.field) == ["bytesPerDay"])
        #expect(try simulator.backgroundTraffic(enterprise: enterprise).enabled == false)
    }

    @Test func aSIMWithTrafficIsNeverSilentAndTheAlertComesOnceTrafficStops() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .days(5))
        let silence = { transport.requests.map(\.event).filter { $0.eventType == .noSessionConnection } }
        #expect(silence().isEmpty)
        _ = try simulator.setBackgroundTraffic(enabled: false, bytesPerDay: nil, enterprise: enterprise)
        let lastSession = TestWorld.startTime.adding(.days(5))
        try await simulator.advanceAndDeliver(to: lastSession.adding(.hours(72)).adding(.seconds(-1)))
        #expect(silence().isEmpty)
        try await simulator.advanceAndDeliver(to: lastSession.adding(.hours(72)))
        #expect(Set(silence().map(\.giccid)) == Set(activatedSIMs))
        try await simulator.advanceAndDeliver(by: .days(10))
        #expect(silence().count == 2)
    }
}
