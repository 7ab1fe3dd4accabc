import Testing

@testable import SimCore

/// The life of prepaid packages on the clock: a prepaid basic plan's term from activation, the
/// warning before expiry, expiry, and what follows by the account's `prepaidRenewType` (AUTO
/// renews, DISABLE_CARD deactivates), at each rule's boundary.
@Suite struct PrepaidPackageLifeTests {
    let enterprise = TestWorld.enterpriseName
    let everything = try! PageRequest(size: PageRequest.maximumSize)
    /// The ACTIVATED SIM of the prepaid account, activated 2025-02-01T00:00Z.
    let meterSIM = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)
    static let meterAddon = "Meter-Addon-50MB"

    /// The test world with the prepaid basic plan valid 30 days (its seed SIM's term is then
    /// 2025-03-03 to 2025-04-02), a 7-day prepaid add-on, the account's renewal as given, and a
    /// webhook on a scripted receiver.
    private func simulator(
        renew: Account.PrepaidRenewType = .disableCard, _ transport: ScriptedPushTransport = ScriptedPushTransport(),
        settings change: (inout EnterpriseSettings) -> Void = { _ in }, catalog: (inout EnterpriseSeed) throws -> Void = { _ in }
    ) throws -> Simulator {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        change(&seed.settings)
        var enterpriseSeed = seed.enterprises[0]
        let basic = try #require(enterpriseSeed.servicePackages.firstIndex { $0.name == TestWorld.meterBasic })
        enterpriseSeed.servicePackages[basic].validityDays = 30
        enterpriseSeed.servicePackages.append(
            ServicePackage(
                name: Self.meterAddon, accountName: TestWorld.prepaidAccount, kind: .supplementary, billingType: .prepaid,
                dataQuotaBytes: 50_000_000, smsQuota: nil, validityDays: 7, price: 1, currency: "USD", sharePoolName: nil))
        let account = try #require(enterpriseSeed.accounts.firstIndex { $0.name == TestWorld.prepaidAccount })
        enterpriseSeed.accounts[account].prepaidRenewType = renew
        enterpriseSeed.accounts[account].servicePackageNames.append(Self.meterAddon)
        try catalog(&enterpriseSeed)
        seed.enterprises[0] = enterpriseSeed
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        return simulator
    }

    /// 2025-03-03T00:00Z + 30 days: the end of the seed SIM's current term.
    let termStart = TestWorld.activatedTime.adding(.days(30))
    var termEnd: Timestamp { termStart.adding(.days(30)) }

    private func term(_ simulator: Simulator, _ giccid: String? = nil) throws -> PackageOrder? {
        try simulator.sim(giccid ?? meterSIM, enterprise: enterprise).basicPackageOrder
    }

    private func expiryPushes(_ transport: ScriptedPushTransport) -> [(phase: PushValue?, orderId: PushValue?, at: Timestamp)] {
        transport.requests.map(\.event).filter { $0.eventType == .prepaidPackageExpired }.map {
            ($0.data["phase"], $0.data["orderId"], $0.eventTime)
        }
    }

    private func statusPushes(_ transport: ScriptedPushTransport) -> [PushEvent] {
        transport.requests.map(\.event).filter { $0.eventType == .simStatusChange }
    }

    private func use(_ bytes: Int64, _ simulator: Simulator, _ giccid: String? = nil) throws {
        _ = try simulator.recordSession(DataSession(mcc: "234", bytes: bytes), giccid: giccid ?? meterSIM, enterprise: enterprise)
    }

    // MARK: - The basic plan's term

    @Test func aSeedSIMOnAPrepaidBasicPlanIsInTheTermThatFollowsItsActivationByWholePeriods() throws {
        let simulator = try simulator()
        let term = try #require(try term(simulator))
        #expect(term.servicePackageName == TestWorld.meterBasic)
        #expect(term.startTime == termStart)
        #expect(term.expireTime == termEnd)
        #expect(term.status == .active)
        #expect(term.quotaBytes == 100_000_000 && term.usedBytes == 0)
        // A postpaid plan has no term
        #expect(try simulator.sim(TestWorld.giccid(.activated), enterprise: enterprise).basicPackageOrder == nil)
    }

    @Test func aboutToExpireGoesOutThreeDaysBeforeTheEndToTheSecond() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let warning = termEnd.adding(.days(-3))
        try await simulator.advanceAndDeliver(to: warning.adding(.seconds(-1)))
        #expect(expiryPushes(transport).isEmpty)
        try await simulator.advanceAndDeliver(to: warning)
        let orderId = try #require(try term(simulator)?.orderId)
        #expect(expiryPushes(transport).map(\.phase) == [.string("ABOUT_TO_EXPIRE")])
        #expect(expiryPushes(transport).first?.orderId == .string(orderId))
        #expect(expiryPushes(transport).first?.at == warning)
        let push = try #require(transport.requests.first { $0.event.eventType == .prepaidPackageExpired })
        #expect(push.event.data["expireTime"] == .time(termEnd))
        #expect(push.event.data["servicePackageName"] == .string(TestWorld.meterBasic))
    }

    @Test func theWarningIsASetting() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport) { $0.prepaidExpiryWarning = .hours(1) }
        try await simulator.advanceAndDeliver(to: termEnd.adding(.seconds(-3601)))
        #expect(expiryPushes(transport).isEmpty)
        try await simulator.advanceAndDeliver(to: termEnd.adding(.hours(-1)))
        #expect(expiryPushes(transport).map(\.phase) == [.string("ABOUT_TO_EXPIRE")])
    }

    @Test func withDisableCardTheSIMIsDeactivatedAtTheSecondItsTermEnds() async throws {
        // Given the seed SIM in its term, on an account that disables the card
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .disableCard, transport)
        let orderId = try #require(try term(simulator)?.orderId)
        // When the clock stops one second before the end
        try await simulator.advanceAndDeliver(to: termEnd.adding(.seconds(-1)))
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
        #expect(try term(simulator)?.status == .active)
        // Then at the end
        try await simulator.advanceAndDeliver(to: termEnd)
        // The term is EXPIRED, announced, and the SIM DEACTIVATED by the platform
        #expect(try term(simulator)?.status == .expired)
        #expect(expiryPushes(transport).map(\.phase) == [.string("ABOUT_TO_EXPIRE"), .string("EXPIRED")])
        #expect(expiryPushes(transport).last?.orderId == .string(orderId))
        let sim = try simulator.sim(meterSIM, enterprise: enterprise)
        #expect(sim.status == .deactivated)
        #expect(sim.lastStatusChangeTime == termEnd)
        let change = try #require(statusPushes(transport).last)
        #expect(change.data["currentStatus"] == .string("DEACTIVATED") && change.data["source"] == .string("SYSTEM"))
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: meterSIM, type: .status), page: everything, enterprise: enterprise).items
        #expect(
            log.last == ChangeLogEntry(giccid: meterSIM, type: .status, before: "ACTIVATED", after: "DEACTIVATED", time: termEnd, source: .system))
    }

    @Test func withAutoTheTermRenewsFromItsEndAndTheSIMStaysActivated() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .auto, transport)
        let first = try #require(try term(simulator))
        try await simulator.advanceAndDeliver(to: termEnd)
        let renewed = try #require(try term(simulator))
        #expect(renewed.orderId != first.orderId)
        #expect(renewed.startTime == termEnd && renewed.expireTime == termEnd.adding(.days(30)))
        #expect(renewed.status == .active && renewed.usedBytes == 0)
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
        #expect(statusPushes(transport).isEmpty)
        #expect(expiryPushes(transport).map(\.phase) == [.string("ABOUT_TO_EXPIRE"), .string("EXPIRED")])
        // And the renewal has its own life: a second warning and expiry a period later
        try await simulator.advanceAndDeliver(to: termEnd.adding(.days(30)))
        #expect(expiryPushes(transport).map(\.orderId).suffix(2) == [.string(renewed.orderId), .string(renewed.orderId)])
        #expect(try term(simulator)?.startTime == termEnd.adding(.days(30)))
    }

    @Test func usingUpTheTermWithDisableCardDeactivatesTheSIMOnTheByteThatUsesItUp() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .disableCard, transport)
        try use(99_999_999, simulator)
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
        try use(1, simulator)
        let sim = try simulator.sim(meterSIM, enterprise: enterprise)
        #expect(sim.status == .deactivated)
        #expect(sim.basicPackageOrder?.status == .exhausted)
        try await simulator.advanceAndDeliver(by: .zero)
        let tracking = transport.requests.map(\.event).filter { $0.eventType == .prepaidPackageTrafficTracking }
        #expect(tracking.map { $0.data["thresholdPercent"] } == [.integer(80), .integer(100)])
        #expect(tracking.first?.data["orderId"] == .string(sim.basicPackageOrder!.orderId))
        // And at the term's end it is announced as expired, without another status change
        try await simulator.advanceAndDeliver(to: termEnd)
        #expect(expiryPushes(transport).map(\.phase).last == .string("EXPIRED"))
        #expect(statusPushes(transport).count == 1)
    }

    @Test func usingUpTheTermWithAutoRenewsItAtOnce() throws {
        let simulator = try simulator(renew: .auto)
        let first = try #require(try term(simulator))
        try simulator.advance(by: .hours(5))
        try use(100_000_000, simulator)
        let renewed = try #require(try term(simulator))
        #expect(renewed.orderId != first.orderId)
        let now = TestWorld.startTime.adding(.hours(5))
        #expect(renewed.startTime == now && renewed.expireTime == now.adding(.days(30)))
        #expect(renewed.usedBytes == 0 && renewed.status == .active)
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
    }

    @Test func reactivatingADisabledCardStartsANewTermThen() throws {
        let simulator = try simulator(renew: .disableCard)
        try simulator.advance(to: termEnd)
        try simulator.advance(by: .days(2))
        let sim = try simulator.perform(.activate, giccid: meterSIM, enterprise: enterprise, source: .api)
        let now = termEnd.adding(.days(2))
        #expect(sim.basicPackageOrder?.startTime == now && sim.basicPackageOrder?.status == .active)
        #expect(sim.basicPackageOrder?.expireTime == now.adding(.days(30)))
    }

    @Test func activatingASIMOnAPrepaidPlanStartsItsFirstTerm() throws {
        let simulator = try simulator()
        let inventory = TestWorld.giccid(.inventory, account: TestWorld.prepaidAccount)
        #expect(try term(simulator, inventory) == nil)
        let sim = try simulator.perform(.activate, giccid: inventory, enterprise: enterprise, source: .api)
        #expect(sim.basicPackageOrder?.startTime == TestWorld.startTime)
        #expect(sim.basicPackageOrder?.servicePackageName == TestWorld.meterBasic)
    }

    @Test func aSIMDeactivatedByHandIsNotRenewedNorDeactivatedAgainWhenItsTermEnds() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .auto, transport)
        _ = try simulator.perform(.deactivate, giccid: meterSIM, enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(to: termEnd)
        #expect(try term(simulator)?.status == .expired)
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .deactivated)
        #expect(statusPushes(transport).count == 1)
        // Its next activation starts a fresh term
        let sim = try simulator.perform(.activate, giccid: meterSIM, enterprise: enterprise, source: .api)
        #expect(sim.basicPackageOrder?.startTime == termEnd && sim.basicPackageOrder?.status == .active)
    }

    // MARK: - Supplementary prepaid packages

    @Test func aPrepaidAddOnIsUsedBeforeTheTermAndEndsAloneWithDisableCard() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .disableCard, transport)
        let order = try simulator.subscribeServicePackage(Self.meterAddon, effectiveTime: nil, giccid: meterSIM, enterprise: enterprise)
        try use(1_000, simulator)
        let sim = try simulator.sim(meterSIM, enterprise: enterprise)
        #expect(sim.supplementaryOrders.first?.usedBytes == 1_000)
        #expect(sim.basicPackageOrder?.usedBytes == 0)
        let end = try #require(order.expireTime)
        try await simulator.advanceAndDeliver(to: end)
        #expect(expiryPushes(transport).map(\.orderId) == [.string(order.orderId), .string(order.orderId)])
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).supplementaryOrders.map(\.status) == [.expired])
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
        // Data now counts toward the term again
        try use(2_000, simulator)
        #expect(try term(simulator)?.usedBytes == 2_000)
    }

    @Test func aPrepaidAddOnRenewsAtItsEndWithAuto() throws {
        let simulator = try simulator(renew: .auto)
        let order = try simulator.subscribeServicePackage(Self.meterAddon, effectiveTime: nil, giccid: meterSIM, enterprise: enterprise)
        let end = try #require(order.expireTime)
        try simulator.advance(to: end)
        let orders = try simulator.sim(meterSIM, enterprise: enterprise).supplementaryOrders
        #expect(orders.map(\.status) == [.expired, .active])
        #expect(orders.last?.startTime == end && orders.last?.expireTime == end.adding(.days(7)))
    }

    @Test func aPostpaidAddOnExpiresWithoutAPushOrRenewal() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(renew: .auto, transport)
        let giccid = TestWorld.giccid(.activated)
        let order = try simulator.subscribeServicePackage(TestWorld.fleetAddon, effectiveTime: nil, giccid: giccid, enterprise: enterprise)
        try await simulator.advanceAndDeliver(to: try #require(order.expireTime))
        #expect(try simulator.sim(giccid, enterprise: enterprise).supplementaryOrders.map(\.status) == [.expired])
        #expect(!transport.requests.contains { $0.event.giccid == giccid && $0.event.eventType == .prepaidPackageExpired })
    }

    // MARK: - Plan changes

    @Test func changingToAnotherPrepaidPlanStartsItsTermNowAndTheOldTermHasNoMoreEffect() async throws {
        // Given a second prepaid basic plan of the account, valid 90 days
        let transport = ScriptedPushTransport()
        let larger = "Meter-Prepaid-1GB"
        let simulator = try simulator(
            renew: .disableCard, transport,
            catalog: { catalog in
                var plan = try #require(catalog.servicePackages.first { $0.name == TestWorld.meterBasic })
                plan.name = larger
                plan.validityDays = 90
                plan.dataQuotaBytes = 1_000_000_000
                catalog.servicePackages.append(plan)
                let account = try #require(catalog.accounts.firstIndex { $0.name == TestWorld.prepaidAccount })
                catalog.accounts[account].servicePackageNames.append(larger)
            })
        // When the SIM moves to it
        let sim = try simulator.changeBasicServicePackage(to: larger, giccid: meterSIM, enterprise: enterprise, source: .api)
        // Then its term of the new plan starts now
        #expect(sim.basicPackageOrder?.servicePackageName == larger)
        #expect(sim.basicPackageOrder?.startTime == TestWorld.startTime)
        #expect(sim.basicPackageOrder?.expireTime == TestWorld.startTime.adding(.days(90)))
        // The old term's end passes without effect
        try await simulator.advanceAndDeliver(to: termEnd)
        #expect(try simulator.sim(meterSIM, enterprise: enterprise).status == .activated)
        #expect(expiryPushes(transport).isEmpty)
    }
}

extension PrepaidPackageLifeTests {
    @Test func aSeedTermWhoseWarningFellDueBeforeTheWorldBeganIsNotWarnedOfAgain() async throws {
        // Given the seed term ending 2025-03-17T08:00Z, two days after the start: its warning was due on the 14th
        let transport = ScriptedPushTransport()
        let simulator = try simulator(
            transport,
            catalog: { catalog in
                let sim = try #require(catalog.sims.firstIndex { $0.giccid == meterSIM })
                catalog.sims[sim].activatedTime = TestWorld.startTime.adding(.days(-28))
            })
        let end = TestWorld.startTime.adding(.days(2))
        #expect(try term(simulator)?.expireTime == end)
        // When the term ends
        try await simulator.advanceAndDeliver(to: end)
        // Then only its expiry was pushed
        #expect(expiryPushes(transport).map(\.phase) == [.string("EXPIRED")])
    }
}
