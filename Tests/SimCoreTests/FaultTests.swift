import Testing

@testable import SimCore

/// Faults: forced outcomes of single calls, batch tasks and SMS; HTTP faults by path, method,
/// count and probability; the rate limit on the wall clock.
@Suite struct FaultTests {
    let enterprise = TestWorld.enterpriseName
    let inventory = TestWorld.giccid(.inventory)
    let everything = try! PageRequest(size: PageRequest.maximumSize)

    // MARK: - Forced outcomes

    @Test func aForcedActivationFailsOnceWithItsMessageThenTheSIMActivates() throws {
        // Given a fault making the next activation of one SIM fail
        let simulator = TestWorld.simulator()
        let fault = try simulator.createFault(
            .outcome(.init(operation: .activate, giccid: inventory, errorMessage: "HLR timeout")), times: 1, seed: nil, enterprise: enterprise)
        #expect(fault.remaining == 1 && fault.id.count == 32)
        // When the SIM is activated
        let issue = refusal { () throws(SimError) in try simulator.perform(.activate, giccid: inventory, enterprise: enterprise, source: .api) }
        // Then the call is refused with the message, nothing changes and nothing is logged
        #expect(issue == SimError.Issue(resource: "SIM", field: "giccid", code: .invalid, message: "HLR timeout"))
        #expect(try simulator.sim(inventory, enterprise: enterprise).status == .inventory)
        #expect(try simulator.changeLogs(ChangeLogQuery(giccid: inventory), page: everything, enterprise: enterprise).total == 0)
        // And the fault is used up: the next activation succeeds
        #expect(try simulator.faults(enterprise: enterprise).isEmpty)
        #expect(try simulator.perform(.activate, giccid: inventory, enterprise: enterprise, source: .api).status == .activated)
    }

    @Test func aFaultWithoutSIMOrTimesHitsEverySIMUntilDeleted() throws {
        let simulator = TestWorld.simulator()
        let fault = try simulator.createFault(.outcome(.init(operation: .deactivate)), times: nil, seed: nil, enterprise: enterprise)
        for account in [TestWorld.postpaidAccount, TestWorld.prepaidAccount] {
            let issue = refusal { () throws(SimError) in
                try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated, account: account), enterprise: enterprise, source: .api)
            }
            #expect(issue?.message == "Failed to deactivate sim")
        }
        #expect(try simulator.faults(enterprise: enterprise).first?.remaining == nil)
        try simulator.deleteFault(id: fault.id, enterprise: enterprise)
        #expect(try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api).status == .deactivated)
    }

    @Test func aForcedFailureFailsItsBatchTaskAndTheOthersRun() throws {
        // Given a fault on one of two SIMs of an activation job
        let simulator = TestWorld.simulator()
        let other = TestWorld.giccid(.activationReady)
        _ = try simulator.createFault(.outcome(.init(operation: .activate, giccid: inventory)), times: 1, seed: nil, enterprise: enterprise)
        let job = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [inventory, other]), enterprise: enterprise)
        // When the job runs
        try simulator.advance(by: .seconds(5))
        // Then the faulted task failed with the default message, the other succeeded
        let tasks = try simulator.batchJob(job.jobId, enterprise: enterprise, page: everything).tasks.items
        #expect(tasks.map(\.status) == (inventory < other ? [.fail, .success] : [.success, .fail]))
        #expect(tasks.first { $0.giccid == inventory }?.errorMessage == "Failed to activate sim")
        #expect(try simulator.sim(inventory, enterprise: enterprise).status == .inventory)
        #expect(try simulator.sim(other, enterprise: enterprise).status == .activated)
    }

    @Test func aForcedPlanChangeFailureHitsTheSingleCall() throws {
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        _ = try simulator.createFault(.outcome(.init(operation: .basicServicePackage, giccid: giccid)), times: 1, seed: nil, enterprise: enterprise)
        let issue = refusal { () throws(SimError) in
            try simulator.changeBasicServicePackage(to: TestWorld.fleetBasicLarge, giccid: giccid, enterprise: enterprise, source: .api)
        }
        #expect(issue?.message == "Failed to change the basic service package")
        #expect(try simulator.sim(giccid, enterprise: enterprise).basicServicePackageName == TestWorld.fleetBasic)
    }

    @Test func aForcedSMSFailureIsReportedFailedWithItsMessage() async throws {
        let transport = ScriptedPushTransport()
        let simulator = Simulator(seed: TestWorld.make(), clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/"), forAccount: nil, enterprise: enterprise)
        let giccid = TestWorld.giccid(.activated)
        _ = try simulator.createFault(
            .outcome(.init(operation: .mtSMS, giccid: giccid, errorMessage: "handset unreachable")), times: 1, seed: nil, enterprise: enterprise)
        let sms = try simulator.sendMTSMS(toGiccid: giccid, content: "ping", encoding: nil, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .seconds(5))
        let delivered = try simulator.mtSMS(sms.smsMsgId, enterprise: enterprise)
        #expect(delivered.status == .failed && delivered.errorMessage == "handset unreachable")
        let report = try #require(transport.requests.first { $0.event.eventType == .mtSMSStatusReport })
        #expect(report.event.data["status"] == .string("FAILED"))
        // The next SMS is delivered
        let next = try simulator.sendMTSMS(toGiccid: giccid, content: "ping", encoding: nil, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .seconds(5))
        #expect(try simulator.mtSMS(next.smsMsgId, enterprise: enterprise).status == .delivered)
    }

    @Test func thePlatformsOwnChangesIgnoreFaults() throws {
        // Given a fault on every activation
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        _ = try simulator.createFault(.outcome(.init(operation: .activate)), times: nil, seed: nil, enterprise: enterprise)
        // When a data session activates an ACTIVATION_READY SIM
        let giccid = TestWorld.giccid(.activationReady)
        let sim = try simulator.recordSession(DataSession(mcc: "234", bytes: 1), giccid: giccid, enterprise: enterprise)
        // Then the platform's activation went through
        #expect(sim.status == .activated)
    }

    @Test func badFaultsAreRefusedWithEveryProblemNamed() throws {
        let simulator = TestWorld.simulator()
        let unknownSIM = #expect(throws: SimError.self) {
            try simulator.createFault(.outcome(.init(operation: .retire, giccid: "8944000000000000001")), times: 0, seed: nil, enterprise: enterprise)
        }
        #expect(unknownSIM?.issues.map(\.field) == ["times", "giccid"])
        #expect(unknownSIM?.issues.map(\.code) == [.invalid, .missing])
        let path = try #require(FaultPathPattern("/v1/global-sims"))
        let http = #expect(throws: SimError.self) {
            try simulator.createFault(
                .http(.init(path: path, method: "get", status: 302, delay: .minutes(6), probability: 0)), times: nil, seed: nil,
                enterprise: enterprise)
        }
        #expect(http?.issues.map(\.field) == ["status", "delay", "probability", "method"])
        let nothing = #expect(throws: SimError.self) {
            try simulator.createFault(.http(.init(path: path)), times: nil, seed: nil, enterprise: enterprise)
        }
        #expect(nothing?.issues.map(\.code) == [.missingField])
        let rate = #expect(throws: SimError.self) {
            try simulator.createFault(.rateLimit(perSecond: 0), times: nil, seed: nil, enterprise: enterprise)
        }
        #expect(rate?.issues.map(\.field) == ["rateLimit.perSecond"])
        #expect(try simulator.faults(enterprise: enterprise).isEmpty)
        let missing = #expect(throws: SimError.self) { try simulator.deleteFault(id: "nope", enterprise: enterprise) }
        #expect(missing?.category == .notFound)
    }

    @Test func faultsBelongToTheirEnterpriseAndResetClearsThem() throws {
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: nil, template: .default)
        _ = try simulator.createFault(.outcome(.init(operation: .activate)), times: nil, seed: nil, enterprise: "Other")
        #expect(try simulator.perform(.activate, giccid: inventory, enterprise: enterprise, source: .api).status == .activated)
        #expect(refusal { () throws(SimError) in try simulator.perform(.activate, giccid: inventory, enterprise: "Other", source: .api) } != nil)
        _ = try simulator.createFault(.outcome(.init(operation: .retire)), times: nil, seed: nil, enterprise: enterprise)
        simulator.reset()
        #expect(try simulator.faults(enterprise: enterprise).isEmpty)
    }

    // MARK: - HTTP faults and the rate limit

    @Test func anHTTPFaultHitsItsPathAndMethodForItsNumberOfTimes() throws {
        let simulator = TestWorld.simulator()
        let path = try #require(FaultPathPattern("/v1/global-sims/{giccid}/activate"))
        let fault = try simulator.createFault(.http(.init(path: path, method: "POST", status: 503)), times: 2, seed: nil, enterprise: enterprise)
        let activate = "/v1/global-sims/\(inventory)/activate"
        #expect(simulator.httpFaultAction(method: "GET", path: activate, enterprise: enterprise).isNone)
        #expect(simulator.httpFaultAction(method: "POST", path: "/v1/global-sims/\(inventory)/retire", enterprise: enterprise).isNone)
        let hit = simulator.httpFaultAction(method: "POST", path: activate, enterprise: enterprise)
        #expect(hit == HTTPFaultAction(delay: nil, status: 503, faultId: fault.id, retryAfterSeconds: nil))
        #expect(try simulator.faults(enterprise: enterprise).first?.remaining == 1)
        #expect(simulator.httpFaultAction(method: "POST", path: activate, enterprise: enterprise).status == 503)
        #expect(simulator.httpFaultAction(method: "POST", path: activate, enterprise: enterprise).isNone)
        #expect(try simulator.faults(enterprise: enterprise).isEmpty)
    }

    @Test func requestsChangeTheWorldOnlyWhenAnHTTPFaultOrARateLimitIsInForce() throws {
        // Given only a forced outcome, a request of the public API meets no fault and changes nothing
        let simulator = TestWorld.simulator()
        _ = try simulator.createFault(.outcome(.init(operation: .activate)), times: nil, seed: nil, enterprise: enterprise)
        _ = simulator.takeChanges()
        #expect(simulator.httpFaultAction(method: "GET", path: "/v1/enterprise", enterprise: enterprise).isNone)
        #expect(simulator.takeChanges().isEmpty)
        // When a rate limit is in force, each request uses up a token: a change to save
        _ = try simulator.createFault(.rateLimit(perSecond: 5), times: nil, seed: nil, enterprise: enterprise)
        _ = simulator.takeChanges()
        #expect(simulator.httpFaultAction(method: "GET", path: "/v1/enterprise", enterprise: enterprise).isNone)
        #expect(simulator.takeChanges().enterprises.map(\.name) == [enterprise])
    }

    @Test func delaysOfSeveralFaultsAddUpAndTheFirstStatusWins() throws {
        let simulator = TestWorld.simulator()
        let all = try #require(FaultPathPattern("/v1/*"))
        let sims = try #require(FaultPathPattern("/v1/global-sims"))
        _ = try simulator.createFault(.http(.init(path: all, delay: .seconds(1))), times: nil, seed: nil, enterprise: enterprise)
        let first = try simulator.createFault(.http(.init(path: sims, status: 500)), times: nil, seed: nil, enterprise: enterprise)
        _ = try simulator.createFault(.http(.init(path: sims, status: 502, delay: .seconds(2))), times: nil, seed: nil, enterprise: enterprise)
        let action = simulator.httpFaultAction(method: "GET", path: "/v1/global-sims", enterprise: enterprise)
        #expect(action == HTTPFaultAction(delay: .seconds(3), status: 500, faultId: first.id, retryAfterSeconds: nil))
        #expect(simulator.httpFaultAction(method: "GET", path: "/v1/enterprise", enterprise: enterprise).delay == .seconds(1))
    }

    @Test func aProbabilityHitsAReproducibleShareOfRequests() throws {
        func hits(seed: UInt64) throws -> [Bool] {
            let simulator = TestWorld.simulator()
            let path = try #require(FaultPathPattern("/v1/enterprise"))
            _ = try simulator.createFault(.http(.init(path: path, status: 500, probability: 0.3)), times: nil, seed: seed, enterprise: enterprise)
            return (0..<1_000).map { _ in simulator.httpFaultAction(method: "GET", path: "/v1/enterprise", enterprise: enterprise).status == 500 }
        }
        let first = try hits(seed: 7)
        #expect(try hits(seed: 7) == first)
        #expect(try hits(seed: 8) != first)
        #expect((250...350).contains(first.filter { $0 }.count))
    }

    @Test func theRateLimitRefusesRequestsBeyondItsRateOnTheWallClock() throws {
        // Given a limit of 2 requests a second
        let wall = ManualWallClock(milliseconds: 1_000_000)
        let simulator = TestWorld.simulator(wallClock: wall)
        _ = try simulator.createFault(.rateLimit(perSecond: 2), times: nil, seed: nil, enterprise: enterprise)
        let request = { simulator.httpFaultAction(method: "GET", path: "/v1/enterprise", enterprise: self.enterprise) }
        // When three come at once, the third waits a second
        #expect(request().isNone && request().isNone)
        #expect(request().retryAfterSeconds == 1)
        // Then half a second later one more is allowed, and the next refused again
        wall.advance(milliseconds: 500)
        #expect(request().isNone)
        #expect(request().retryAfterSeconds == 1)
        // And a slower limit asks to wait longer
        _ = try simulator.createFault(.rateLimit(perSecond: 0.1), times: nil, seed: nil, enterprise: enterprise)
        #expect(request().isNone)
        #expect(request().retryAfterSeconds == 10)
        #expect(try simulator.faults(enterprise: enterprise).count == 1, "a new rate limit replaces the earlier one")
    }

    @Test(arguments: [
        ("/v1/global-sims", "/v1/global-sims", true), ("/v1/global-sims", "/v1/global-sims/89", false),
        ("/v1/global-sims/{giccid}", "/v1/global-sims/89", true), ("/v1/global-sims/{giccid}", "/v1/global-sims", false),
        ("/v1/*", "/v1/global-sims/89/activate", true), ("/v1/*", "/v1", false), ("/v1/batchJobs/*", "/v1/global-sims", false),
    ])
    func pathPatternsMatchSegmentBySegment(pattern: String, path: String, matches: Bool) throws {
        #expect(try #require(FaultPathPattern(pattern)).matches(path) == matches)
    }

    @Test func aPatternIsAPublicAPIPathWithAStarOnlyAtTheEnd() {
        #expect(FaultPathPattern("/global-sims") == nil)
        #expect(FaultPathPattern("/v1/*/activate") == nil)
        #expect(FaultPathPattern("/v1/global-sims?status=ACTIVATED") == nil)
        #expect(FaultPathPattern("/v1") != nil)
    }
}
