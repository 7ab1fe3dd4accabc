import Testing

@testable import SimCore

/// Data sessions: what they count, what they change, what they refuse.
@Suite struct DataSessionTests {
    let enterprise = TestWorld.enterpriseName
    let all = try! PageRequest(size: PageRequest.maximumSize)
    static let countries = ["234": "GB", "310": "US", "311": "US", "460": "CN", "901": "XZ"]

    private func simulator(_ transport: ScriptedPushTransport = ScriptedPushTransport()) throws -> Simulator {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = Self.countries
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        return simulator
    }

    @Test(arguments: SIMStatus.allCases)
    func onlyDeactivatedAndRetiredSIMsAreRefusedASession(status: SIMStatus) throws {
        let simulator = try simulator()
        let giccid = TestWorld.giccid(status)
        let session = DataSession(mcc: "234", bytes: 1000)
        if status == .deactivated || status == .retired {
            let refusal = #expect(throws: SimError.self) { try simulator.recordSession(session, giccid: giccid, enterprise: enterprise) }
            #expect(refusal?.issues.first?.code == .illegalStatus)
            #expect(try simulator.sim(giccid, enterprise: enterprise).lastSessionTime == nil)
        } else {
            let sim = try simulator.recordSession(session, giccid: giccid, enterprise: enterprise)
            #expect(sim.lastSessionTime == TestWorld.startTime)
            #expect(sim.lastCountryCode == "GB")
        }
    }

    @Test func theFirstSessionActivatesAnActivationReadySIM() async throws {
        // Given an ACTIVATION_READY SIM and a webhook
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activationReady)
        // When it opens its first data session
        let sim = try simulator.recordSession(DataSession(mcc: "460", bytes: 10), giccid: giccid, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then it is ACTIVATED by the platform, logged and pushed with source SYSTEM
        #expect(sim.status == .activated)
        #expect(sim.activatedTime == TestWorld.startTime)
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: giccid, type: .status), page: all, enterprise: enterprise).items
        #expect(log.map(\.source) == [.system])
        #expect(transport.requests.map { $0.event.data["source"] } == [.string("SYSTEM")])
        // And a second session changes nothing more
        _ = try simulator.recordSession(DataSession(mcc: "460", bytes: 10), giccid: giccid, enterprise: enterprise)
        #expect(try simulator.changeLogs(ChangeLogQuery(giccid: giccid, type: .status), page: all, enterprise: enterprise).total == 1)
    }

    @Test func usageCountsTowardTheCycleTheActiveOrderAndTheCountries() throws {
        // Given two SIMs, one with an active supplementary order
        let simulator = try simulator()
        let first = TestWorld.giccid(.activated)
        let second = TestWorld.giccid(.testReady)
        _ = try simulator.subscribeServicePackage(TestWorld.fleetAddon, effectiveTime: nil, giccid: first, enterprise: enterprise)
        // When they use networks of the US (two MCCs) and the UK
        _ = try simulator.recordSession(DataSession(mcc: "310", bytes: 1_000), giccid: first, enterprise: enterprise)
        _ = try simulator.recordSession(DataSession(mcc: "311", bytes: 500), giccid: second, enterprise: enterprise)
        let sim = try simulator.recordSession(DataSession(mcc: "234", mnc: "15", bytes: 250), giccid: first, enterprise: enterprise)
        // Then the SIM's cycle and its order count every byte, and the countries add up
        #expect(sim.cycleDataUsageBytes == TestWorld.marchDataBytes + 1_250)
        #expect(sim.supplementaryOrders.first?.usedBytes == 1_250)
        #expect(sim.lastCountryCode == "GB")
        let countries = try simulator.countryStatistics(cycleName: nil, page: all, enterprise: enterprise)
        #expect(countries.cycleName == "2025-03")
        #expect(
            countries.countries.items == [
                CountryUsage(countryCode: "GB", mccs: ["234"], dataBytes: 250, smsCount: 0, simCount: 1),
                CountryUsage(countryCode: "US", mccs: ["310", "311"], dataBytes: 1_500, smsCount: 0, simCount: 2),
            ])
    }

    @Test func aNewMonthStartsTheCycleAtZeroAndKeepsTheLastMonthsStatistics() throws {
        let simulator = try simulator()
        let giccid = TestWorld.giccid(.activated)
        _ = try simulator.recordSession(DataSession(mcc: "234", bytes: 4_000), giccid: giccid, enterprise: enterprise)
        // When the clock reaches 1 April, 00:00:00 UTC
        try simulator.advance(to: try Timestamp(smarthub: "2025-04-01T00:00:00+0000"))
        // Then the SIM's cycle is April's, at zero, and March's statistics are still there
        let sim = try simulator.sim(giccid, enterprise: enterprise)
        #expect(sim.usageCycleName == "2025-04")
        #expect(sim.cycleDataUsageBytes == 0)
        let march = try simulator.countryStatistics(cycleName: "2025-03", page: all, enterprise: enterprise)
        #expect(march.countries.items.map(\.dataBytes) == [4_000])
        #expect(try simulator.countryStatistics(cycleName: nil, page: all, enterprise: enterprise).countries.total == 0)
        // And a session one second before the end of March would have counted in March
        _ = try simulator.recordSession(DataSession(mcc: "234", bytes: 1), giccid: giccid, enterprise: enterprise)
        #expect(try simulator.sim(giccid, enterprise: enterprise).cycleDataUsageBytes == 1)
    }

    @Test func anotherDeviceIsAnIMEIChangeButAnotherSoftwareVersionIsNot() async throws {
        // Given an ACTIVATED SIM in the device 490154203237518
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        // When the same device reports its IMEISV (same TAC and serial), nothing is logged
        _ = try simulator.recordSession(DataSession(mcc: "234", imei: "4901542032375102", bytes: 1), giccid: giccid, enterprise: enterprise)
        #expect(try simulator.changeLogs(ChangeLogQuery(type: .imei), page: all, enterprise: enterprise).total == 0)
        #expect(try simulator.sim(giccid, enterprise: enterprise).imei == "490154203237518")
        // When another device uses it
        _ = try simulator.recordSession(DataSession(mcc: "234", imei: "356938035643809", bytes: 1), giccid: giccid, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then the change is logged and pushed, before and after
        let log = try simulator.changeLogs(ChangeLogQuery(type: .imei), page: all, enterprise: enterprise).items
        #expect(log.map { [$0.before, $0.after] } == [["490154203237518", "356938035643809"]])
        let push = try #require(transport.requests.first { $0.event.eventType == .imeiChange })
        #expect(push.event.data == ["previousImei": .string("490154203237518"), "currentImei": .string("356938035643809")])
    }

    @Test func aFirstIMEIIsLoggedWithoutAPush() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.testReady)
        _ = try simulator.recordSession(DataSession(mcc: "234", imei: "356938035643809", bytes: 1), giccid: giccid, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .zero)
        #expect(try simulator.changeLogs(ChangeLogQuery(type: .imei), page: all, enterprise: enterprise).items.map(\.before) == [nil])
        #expect(!transport.requests.contains { $0.event.eventType == .imeiChange })
    }

    @Test func badSessionsAreRefusedNamingEachField() throws {
        let simulator = try simulator()
        let giccid = TestWorld.giccid(.activated)
        let later = TestWorld.startTime.adding(.seconds(1))
        let session = DataSession(mcc: "23", mnc: "1", imei: "123", bytes: -1, durationSeconds: -5, time: later)
        let refusal = #expect(throws: SimError.self) { try simulator.recordSession(session, giccid: giccid, enterprise: enterprise) }
        #expect(Set(refusal?.issues.map(\.field) ?? []) == ["mcc", "mnc", "imei", "bytes", "durationSeconds", "at"])
        let unknownCountry = #expect(throws: SimError.self) {
            try simulator.recordSession(DataSession(mcc: "999", bytes: 1), giccid: giccid, enterprise: enterprise)
        }
        #expect(unknownCountry?.issues.first?.message == "no country has MCC 999")
        #expect(throws: SimError.notFound("SIM", field: "giccid")) {
            try simulator.recordSession(DataSession(mcc: "234", bytes: 1), giccid: "8944000000000000001", enterprise: enterprise)
        }
    }

    @Test func smsCountsInTheCountryOfTheLastSession() throws {
        let simulator = try simulator()
        let giccid = TestWorld.giccid(.activated)
        _ = try simulator.recordSession(DataSession(mcc: "460", bytes: 1), giccid: giccid, enterprise: enterprise)
        _ = try simulator.injectMOSMS(fromGiccid: giccid, content: "hello", encoding: nil, enterprise: enterprise)
        let china = try simulator.countryStatistics(cycleName: nil, page: all, enterprise: enterprise).countries.items
        #expect(china.map(\.smsCount) == [1])
    }
}

/// A session that ended earlier is learned of now: what it changes is dated now.
@Suite struct LateSessionTests {
    @Test func aSessionEndedEarlierIsCountedThenAndActedOnNow() throws {
        // Given a clock at 10:00 and a change logged at 10:00
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        let enterprise = TestWorld.enterpriseName
        try simulator.advance(by: .hours(2))
        _ = try simulator.perform(.activate, giccid: TestWorld.giccid(.inventory), enterprise: enterprise, source: .api)
        // When a session that ended at 09:00 activates an ACTIVATION_READY SIM in a new device
        let giccid = TestWorld.giccid(.activationReady)
        let nine = TestWorld.startTime.adding(.hours(1))
        let sim = try simulator.recordSession(
            DataSession(mcc: "234", imei: "356938035643809", bytes: 5, time: nine), giccid: giccid, enterprise: enterprise)
        // Then the session counts at 09:00, and the platform's changes are dated 10:00, in log order
        #expect(sim.lastSessionTime == nine)
        let log = try simulator.changeLogs(ChangeLogQuery(), page: PageRequest(size: 100), enterprise: enterprise).items
        #expect(log.map(\.time) == Array(repeating: TestWorld.startTime.adding(.hours(2)), count: 3))
    }

    @Test func theChangeLogStaysInOrderWhateverItIsGiven() {
        var log = ChangeLog()
        let later = Timestamp(secondsSinceEpoch: 2000)
        log.append(ChangeLogEntry(giccid: "a", type: .status, before: nil, after: "X", time: later, source: .api))
        log.append(ChangeLogEntry(giccid: "a", type: .status, before: "X", after: "Y", time: Timestamp(secondsSinceEpoch: 1000), source: .api))
        #expect(log.all.map(\.time) == [later, later])
    }
}
