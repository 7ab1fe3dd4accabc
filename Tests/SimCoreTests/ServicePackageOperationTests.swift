import Testing

@testable import SimCore

/// Rate-plan operations of one SIM: changing its basic plan and ordering supplementary plans,
/// with the order's status worked out as the clock moves.
@Suite struct ServicePackageOperationTests {
    let enterprise = TestWorld.enterpriseName
    let everything = try! PageRequest(size: PageRequest.maximumSize)
    let activated = TestWorld.giccid(.activated)

    private func subscribe(
        _ simulator: Simulator, _ plan: String = TestWorld.fleetAddon, at effectiveTime: Timestamp? = nil, giccid: String? = nil
    ) throws(SimError) -> PackageOrder {
        try simulator.subscribeServicePackage(plan, effectiveTime: effectiveTime, giccid: giccid ?? activated, enterprise: enterprise)
    }

    private func shownOrder(_ simulator: Simulator) throws -> PackageOrder? {
        try simulator.sim(activated, enterprise: enterprise).supplementaryOrders.first
    }

    // MARK: - Subscribing

    @Test func anOrderWithoutEffectiveTimeStartsNowAndIsActive() throws {
        // Given a SIM without supplementary orders
        let simulator = TestWorld.simulator()
        // When it orders the 30-day, 500 MB add-on
        let order = try subscribe(simulator)
        // Then the order starts now, ends 30 days later, is ACTIVE with the plan's quota and nothing used
        #expect(order.orderId.count == 32 && order.orderId.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(order.servicePackageName == TestWorld.fleetAddon)
        #expect(order.startTime == TestWorld.startTime)
        #expect(order.expireTime == TestWorld.startTime.adding(.days(30)))
        #expect(order.status == .active)
        #expect(order.quotaBytes == 500_000_000 && order.usedBytes == 0)
        // And the SIM shows it, and the change log records it
        #expect(try simulator.sim(activated, enterprise: enterprise).supplementaryOrders == [order])
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: activated), page: everything, enterprise: enterprise).items
        #expect(
            log == [
                ChangeLogEntry(
                    giccid: activated, type: .servicePackage, before: nil, after: TestWorld.fleetAddon, time: TestWorld.startTime, source: .api)
            ])
    }

    @Test func anEffectiveTimeOfExactlyNowIsActive() throws {
        let simulator = TestWorld.simulator()
        let order = try subscribe(simulator, at: TestWorld.startTime)
        #expect(order.status == .active)
        #expect(order.startTime == TestWorld.startTime)
    }

    @Test func anEffectiveTimeWithinTheCurrentSecondIsNow() throws {
        // Given a clock half a second past a whole second
        let simulator = TestWorld.simulator()
        try simulator.advance(by: SimDuration(milliseconds: 500))
        // When the order names that whole second (the wire has no fractions)
        let order = try subscribe(simulator, at: TestWorld.startTime)
        // Then it is accepted and ACTIVE
        #expect(order.status == .active)
    }

    @Test func anEffectiveTimeOneSecondBeforeNowIsRefused() throws {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in try subscribe(simulator, at: TestWorld.startTime.adding(.seconds(-1))) }
        #expect(issue?.field == "effectiveTime")
        #expect(issue?.code == .invalid)
        #expect(try simulator.sim(activated, enterprise: enterprise).supplementaryOrders.isEmpty)
    }

    @Test func anEffectiveTimePastTheLastWritableMomentIsRefused() throws {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in try subscribe(simulator, at: Timestamp.latest.adding(.days(-29))) }
        #expect(issue?.field == "effectiveTime" && issue?.code == .invalid)
    }

    @Test func aFutureOrderIsPendingUntilItsStart() throws {
        // Given an order starting in one hour
        let simulator = TestWorld.simulator()
        let start = TestWorld.startTime.adding(.hours(1))
        let order = try subscribe(simulator, at: start)
        #expect(order.status == .pending)
        #expect(order.expireTime == start.adding(.days(30)))
        // When the clock stops one second before the start, then at it
        try simulator.advance(to: start.adding(.seconds(-1)))
        #expect(try shownOrder(simulator)?.status == .pending)
        try simulator.advance(to: start)
        // Then the SIM shows it ACTIVE from its start on
        #expect(try shownOrder(simulator)?.status == .active)
    }

    @Test func anOrderShowsExpiredFromItsExpireTimeExactly() throws {
        // Given an ACTIVE 30-day order
        let simulator = TestWorld.simulator()
        let order = try subscribe(simulator)
        let expireTime = try #require(order.expireTime)
        // When the clock reaches one second before its expiry, then the expiry itself
        try simulator.advance(to: expireTime.adding(.seconds(-1)))
        #expect(try shownOrder(simulator)?.status == .active)
        try simulator.advance(to: expireTime)
        // Then it shows EXPIRED, in the single view and in lists
        #expect(try shownOrder(simulator)?.status == .expired)
        let listed = try simulator.sims(SIMFilter(iccid: activated), page: everything, enterprise: enterprise).items
        #expect(listed.first?.supplementaryOrders.first?.status == .expired)
        // And the plan can be ordered again
        #expect(try subscribe(simulator).status == .active)
        #expect(try simulator.sim(activated, enterprise: enterprise).supplementaryOrders.map(\.status) == [.expired, .active])
    }

    @Test func aPendingOrderWhoseWholePeriodPassesInOneAdvanceEndsExpired() throws {
        // Given an order starting tomorrow
        let simulator = TestWorld.simulator()
        let order = try subscribe(simulator, at: TestWorld.startTime.adding(.days(1)))
        // When one advance passes both its start and its expiry
        try simulator.advance(to: try #require(order.expireTime).adding(.days(1)))
        // Then it started and expired on the way
        #expect(try shownOrder(simulator)?.status == .expired)
    }

    @Test func anOrderOfAPlanWithoutValidityNeverExpires() throws {
        // Given an add-on without validity
        var seed = TestWorld.make()
        let index = try #require(seed.enterprises[0].servicePackages.firstIndex { $0.name == TestWorld.fleetAddon })
        seed.enterprises[0].servicePackages[index].validityDays = nil
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        let order = try subscribe(simulator)
        #expect(order.expireTime == nil)
        // When ten years pass
        try simulator.advance(by: .days(3650))
        // Then it is still ACTIVE
        #expect(try shownOrder(simulator)?.status == .active)
    }

    @Test(arguments: [PackageOrder.Status.active, .pending])
    func aSecondOrderOfAPlanStillActiveOrPendingIsRefused(existing: PackageOrder.Status) throws {
        // Given an order of the add-on that is `existing`
        let simulator = TestWorld.simulator()
        let first = try subscribe(simulator, at: existing == .active ? nil : TestWorld.startTime.adding(.days(2)))
        #expect(first.status == existing)
        // When the same plan is ordered again
        let issue = refusal { () throws(SimError) in try subscribe(simulator) }
        // Then it is refused as already existing, naming the plan field
        #expect(issue?.code == .alreadyExists)
        #expect(issue?.field == "servicePackageName")
        #expect(try simulator.sim(activated, enterprise: enterprise).supplementaryOrders == [first])
    }

    @Test func anUnknownPlanIsMissing() throws {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in try subscribe(simulator, "No-Such-Plan") }
        #expect(issue == SimError.Issue(resource: "ServicePackage", field: "servicePackageName", code: .missing, message: issue?.message))
    }

    @Test func aBasicPlanIsInvalid() throws {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in try subscribe(simulator, TestWorld.fleetBasicLarge) }
        #expect(issue?.field == "servicePackageName" && issue?.code == .invalid)
    }

    @Test func aPlanOfAnotherAccountIsInvalid() throws {
        // Given a SIM of the prepaid account and the postpaid account's add-on
        let simulator = TestWorld.simulator()
        let prepaidSIM = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)
        let issue = refusal { () throws(SimError) in try subscribe(simulator, giccid: prepaidSIM) }
        #expect(issue?.field == "servicePackageName" && issue?.code == .invalid)
        #expect(issue?.message?.contains(TestWorld.prepaidAccount) == true)
    }

    @Test(arguments: SIMStatus.allCases)
    func everyStatusButRetiredMayOrder(status: SIMStatus) throws {
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(status)
        if status == .retired {
            let issue = refusal { () throws(SimError) in try subscribe(simulator, giccid: giccid) }
            #expect(issue == SimError.Issue(resource: "SIM", field: "status", code: .illegalStatus, message: issue?.message))
            #expect(try simulator.changeLogs(ChangeLogQuery(), page: everything, enterprise: enterprise).total == 0)
        } else {
            #expect(try subscribe(simulator, giccid: giccid).status == .active)
        }
    }

    @Test func anUnknownSIMIsNotFound() {
        let simulator = TestWorld.simulator()
        #expect(throws: SimError.notFound("SIM", field: "giccid")) { () throws(SimError) in
            try subscribe(simulator, giccid: "8944000000000000001")
        }
    }

    @Test func orderIdsComeFromTheTenantsGeneratorAndDiffer() throws {
        // Given two simulators on the same seed
        let one = TestWorld.simulator()
        let other = TestWorld.simulator()
        // When both order the same plans for two SIMs
        let ids = try [one, other].map { simulator in
            try [TestWorld.giccid(.activated), TestWorld.giccid(.inventory)].map { try subscribe(simulator, giccid: $0).orderId }
        }
        // Then the ids repeat across simulators and differ within one
        #expect(ids[0] == ids[1])
        #expect(ids[0][0] != ids[0][1])
    }

    // MARK: - Changing the basic plan

    @Test func theBasicPlanChangesAndIsLogged() throws {
        let simulator = TestWorld.simulator()
        let sim = try simulator.changeBasicServicePackage(to: TestWorld.fleetBasicLarge, giccid: activated, enterprise: enterprise, source: .api)
        #expect(sim.basicServicePackageName == TestWorld.fleetBasicLarge)
        #expect(sim.cycleDataUsageBytes == TestWorld.marchDataBytes)
        let log = try simulator.changeLogs(ChangeLogQuery(type: .servicePackage), page: everything, enterprise: enterprise).items
        #expect(
            log == [
                ChangeLogEntry(
                    giccid: activated, type: .servicePackage, before: TestWorld.fleetBasic, after: TestWorld.fleetBasicLarge,
                    time: TestWorld.startTime, source: .api)
            ])
    }

    @Test func aSIMHeldByAPendingBatchTaskRefusesABasicPlanChange() throws {
        // Given a batch job holding the SIM
        let simulator = TestWorld.simulator()
        let job = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [activated]), enterprise: enterprise)
        // When its basic plan is changed alone
        let issue = refusal { () throws(SimError) in
            try simulator.changeBasicServicePackage(to: TestWorld.fleetBasicLarge, giccid: activated, enterprise: enterprise, source: .api)
        }
        // Then it is refused with illegal_status naming the job
        #expect(issue?.code == .illegalStatus)
        #expect(issue?.message?.contains(job.jobId) == true)
        // And once the task has run, the change goes through
        try simulator.advance(by: .seconds(2))
        let sim = try simulator.changeBasicServicePackage(to: TestWorld.fleetBasicLarge, giccid: activated, enterprise: enterprise, source: .api)
        #expect(sim.basicServicePackageName == TestWorld.fleetBasicLarge)
    }

    @Test(arguments: [
        (TestWorld.fleetBasic, SimError.Code.alreadyExists),
        (TestWorld.fleetAddon, .invalid),
        (TestWorld.meterBasic, .invalid),
        ("No-Such-Plan", .missing),
    ])
    func aBasicPlanChangeIsRefusedForAPlanThatDoesNotFit(plan: String, code: SimError.Code) {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in
            try simulator.changeBasicServicePackage(to: plan, giccid: activated, enterprise: enterprise, source: .api)
        }
        #expect(issue?.field == "servicePackageName")
        #expect(issue?.code == code)
    }

    @Test func aRetiredSIMKeepsItsBasicPlan() {
        let simulator = TestWorld.simulator()
        let issue = refusal { () throws(SimError) in
            try simulator.changeBasicServicePackage(
                to: TestWorld.fleetBasicLarge, giccid: TestWorld.giccid(.retired), enterprise: enterprise, source: .api)
        }
        #expect(issue?.code == .illegalStatus)
    }

    @Test func anUnknownSIMHasNoBasicPlanToChange() {
        let simulator = TestWorld.simulator()
        #expect(throws: SimError.notFound("SIM", field: "giccid")) { () throws(SimError) in
            try simulator.changeBasicServicePackage(
                to: TestWorld.fleetBasicLarge, giccid: "8944000000000000001", enterprise: enterprise, source: .api)
        }
    }
}
