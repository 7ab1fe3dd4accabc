import Testing

@testable import SimCore

/// Batch jobs: stored by the POST, run task by task on the clock, through the state machine.
@Suite struct BatchJobTests {
    let enterprise = TestWorld.enterpriseName
    let everything = try! PageRequest(size: PageRequest.maximumSize)

    private func job(_ simulator: Simulator, _ jobId: String) throws -> BatchJob {
        try simulator.batchJob(jobId, enterprise: enterprise, page: everything).job
    }

    private func status(_ simulator: Simulator, _ giccid: String) throws -> SIMStatus {
        try simulator.sim(giccid, enterprise: enterprise).status
    }

    @Test(arguments: [
        (BatchJob.Kind.activate, SIMStatus.inventory, SIMStatus.activated),
        (.deactivate, .activated, .deactivated),
        (.retire, .deactivated, .retired),
    ])
    func aStatusJobLivesFromProcessingToFinished(kind: BatchJob.Kind, from: SIMStatus, to: SIMStatus) throws {
        // Given a job over one SIM of each account in status `from`
        let simulator = TestWorld.simulator()
        let giccids = [TestWorld.giccid(from), TestWorld.giccid(from, account: TestWorld.prepaidAccount)]
        let submitted = try simulator.submitBatchJob(BatchJobRequest(kind: kind, giccids: giccids), enterprise: enterprise)
        // Then right after the POST it is PROCESSING, every task PENDING, and no SIM has changed
        #expect(submitted.jobId.count == 32 && submitted.jobId.allSatisfy(\.isHexDigit))
        #expect(try job(simulator, submitted.jobId).status == .processing)
        #expect(try job(simulator, submitted.jobId).tasks.allSatisfy { $0.status == .pending })
        #expect(try giccids.allSatisfy { try status(simulator, $0) == from })
        // When the clock passes the start delay and the pace of two tasks
        try simulator.advance(by: .seconds(2))
        // Then every task succeeded, the job is FINISHED and each change is logged with source BATCH
        let finished = try job(simulator, submitted.jobId)
        #expect(finished.status == .finished)
        #expect(finished.tasks.map(\.status) == [.success, .success])
        #expect(try giccids.allSatisfy { try status(simulator, $0) == to })
        let log = try simulator.changeLogs(ChangeLogQuery(), page: everything, enterprise: enterprise).items
        #expect(log.map(\.giccid) == giccids)
        #expect(log.allSatisfy { $0.source == .batch && $0.before == from.rawValue && $0.after == to.rawValue })
    }

    @Test func tasksRunAtTheEnterprisesPace() throws {
        // Given the default pace (first task 1 s after the POST, then one every 20 ms)
        let simulator = TestWorld.simulator()
        let giccids = [TestWorld.giccid(.inventory), TestWorld.giccid(.testReady), TestWorld.giccid(.activationReady)]
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: giccids), enterprise: enterprise).jobId
        // When the clock stops 1 ms before the first task, at it, and at the second
        try simulator.advance(by: SimDuration(milliseconds: 999))
        #expect(try job(simulator, jobId).tasks.map(\.status) == [.pending, .pending, .pending])
        try simulator.advance(by: SimDuration(milliseconds: 1))
        #expect(try job(simulator, jobId).tasks.map(\.status) == [.success, .pending, .pending])
        try simulator.advance(by: SimDuration(milliseconds: 20))
        #expect(try job(simulator, jobId).tasks.map(\.status) == [.success, .success, .pending])
        // Then each change carries the time its task ran
        let log = try simulator.changeLogs(ChangeLogQuery(), page: everything, enterprise: enterprise).items
        #expect(log.map(\.time) == [TestWorld.startTime.adding(.seconds(1)), TestWorld.startTime.adding(SimDuration(milliseconds: 1020))])
    }

    @Test func aSlowerPaceFromTheSettingsApplies() throws {
        let simulator = TestWorld.simulator()
        var settings = EnterpriseSettings.defaults
        settings.batchStartDelay = .minutes(1)
        settings.batchTaskInterval = .minutes(1)
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        let giccids = [TestWorld.giccid(.inventory), TestWorld.giccid(.testReady)]
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: giccids), enterprise: enterprise).jobId
        try simulator.advance(by: .seconds(119))
        #expect(try job(simulator, jobId).tasks.map(\.status) == [.success, .pending])
        try simulator.advance(by: .seconds(1))
        #expect(try job(simulator, jobId).status == .finished)
    }

    @Test func eachTaskIsCheckedWhenItRunsAndFailsWithTheSingleCallsMessage() throws {
        // Given a RETIRE job over a DEACTIVATED SIM, an ACTIVATED one, an unknown one and another enterprise's
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        let foreign = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 1), enterprise: "Other")[0]
        let giccids = [TestWorld.giccid(.deactivated), TestWorld.giccid(.activated), "8944000000000000001", foreign.giccid]
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .retire, giccids: giccids), enterprise: enterprise).jobId
        // When it runs
        try simulator.advance(by: .minutes(1))
        // Then it ends with a mix: the refusals carry the messages of a single call, another
        // enterprise's SIM fails exactly like an absent one
        let tasks = try job(simulator, jobId).tasks
        #expect(tasks.map(\.status) == [.success, .fail, .fail, .fail])
        #expect(tasks[1].errorMessage == "Illegal SIM state, current SIM state cannot be retired")
        #expect(tasks[2].errorMessage == "SIM 8944000000000000001 not found")
        #expect(tasks[3].errorMessage == "SIM \(foreign.giccid) not found")
        #expect(try job(simulator, jobId).status == .finished)
        #expect(try simulator.sim(foreign.giccid, enterprise: "Other").status == .inventory)
    }

    @Test func aPendingTaskHoldsItsSIMAgainstSingleCalls() throws {
        // Given a DEACTIVATE job over an ACTIVATED SIM, not run yet
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [giccid]), enterprise: enterprise).jobId
        // When a single call tries to change it, Then it is refused naming the job
        let refusal = #expect(throws: SimError.self) {
            try simulator.perform(.deactivate, giccid: giccid, enterprise: enterprise, source: .api)
        }
        #expect(refusal?.issues.first?.code == .illegalStatus)
        #expect(refusal?.issues.first?.message?.contains("batch job \(jobId)") == true)
        // And once its task has run, single calls work again
        try simulator.advance(by: .seconds(2))
        #expect(try simulator.perform(.activate, giccid: giccid, enterprise: enterprise, source: .api).status == .activated)
    }

    @Test func twoJobsOnTheSameSIMApplyInTheOrderTheyWerePosted() throws {
        // Given a DEACTIVATE job over two SIMs, then an ACTIVATE job over the second and a RETIRE job over it
        let simulator = TestWorld.simulator()
        let first = TestWorld.giccid(.activated)
        let shared = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)
        let deactivate = try simulator.submitBatchJob(BatchJobRequest(kind: .deactivate, giccids: [first, shared]), enterprise: enterprise)
        let retire = try simulator.submitBatchJob(BatchJobRequest(kind: .retire, giccids: [shared]), enterprise: enterprise)
        let activate = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [shared]), enterprise: enterprise)
        // When all have run
        try simulator.advance(by: .minutes(1))
        // Then the SIM went DEACTIVATED, then RETIRED, and the later ACTIVATE failed on the retired SIM
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: shared), page: everything, enterprise: enterprise).items
        #expect(log.map(\.after) == ["DEACTIVATED", "RETIRED"])
        #expect(try job(simulator, deactivate.jobId).status == .finished)
        #expect(try job(simulator, retire.jobId).tasks.map(\.status) == [.success])
        let refused = try job(simulator, activate.jobId).tasks[0]
        #expect(refused.status == .fail)
        #expect(refused.errorMessage == "Illegal SIM state, current SIM state cannot be activated")
    }

    @Test func aPlanChangeJobMovesSIMsToTheNewBasicPlan() throws {
        // Given a MODIFY_QUOTA_PLAN job to the larger fleet plan over a fleet SIM, a prepaid SIM and a retired SIM
        let simulator = TestWorld.simulator()
        let fleet = TestWorld.giccid(.activated)
        let prepaid = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)
        let retired = TestWorld.giccid(.retired)
        let request = BatchJobRequest(kind: .modifyQuotaPlan, giccids: [fleet, prepaid, retired], servicePackageName: TestWorld.fleetBasicLarge)
        let jobId = try simulator.submitBatchJob(request, enterprise: enterprise).jobId
        #expect(try job(simulator, jobId).tasks.allSatisfy { $0.basicServicePackageName == TestWorld.fleetBasicLarge })
        // When it runs
        try simulator.advance(by: .minutes(1))
        // Then the fleet SIM moved, the other account's SIM and the retired SIM failed with clear messages
        let tasks = try job(simulator, jobId).tasks
        #expect(tasks.map(\.status) == [.success, .fail, .fail])
        #expect(tasks[1].errorMessage == "service package '\(TestWorld.fleetBasicLarge)' is not available to account '\(TestWorld.prepaidAccount)'")
        #expect(tasks[2].errorMessage == "Illegal SIM state, current SIM state cannot change its basic service package")
        #expect(try simulator.sim(fleet, enterprise: enterprise).basicServicePackageName == TestWorld.fleetBasicLarge)
        let log = try simulator.changeLogs(ChangeLogQuery(type: .servicePackage), page: everything, enterprise: enterprise).items
        #expect(log.map { [$0.before, $0.after] } == [[TestWorld.fleetBasic, TestWorld.fleetBasicLarge]])
        #expect(log.first?.source == .batch)
    }

    @Test func invalidRequestsAreRefusedWhole() throws {
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        func refusal(_ request: BatchJobRequest) -> SimError.Issue? {
            #expect(throws: SimError.self) { try simulator.submitBatchJob(request, enterprise: enterprise) }?.issues.first
        }
        #expect(refusal(BatchJobRequest(kind: .activate, giccids: []))?.field == "giccids")
        #expect(refusal(BatchJobRequest(kind: .activate, giccids: [giccid, TestWorld.giccid(.inventory), giccid]))?.field == "giccids[2]")
        let tooMany = (0...BatchJobRequest.maximumSIMs).map { "89" + String($0) }
        #expect(refusal(BatchJobRequest(kind: .activate, giccids: tooMany))?.message?.contains("at most 10000") == true)
        #expect(refusal(BatchJobRequest(kind: .activate, giccids: [giccid, String(repeating: "x", count: 900_000)]))?.field == "giccids[1]")
        #expect(refusal(BatchJobRequest(kind: .activate, giccids: ["8944990000000000"]))?.message == "a giccid is 19 or 20 digits")
        #expect(refusal(BatchJobRequest(kind: .modifyQuotaPlan, giccids: [giccid]))?.code == .missingField)
        #expect(refusal(BatchJobRequest(kind: .modifyQuotaPlan, giccids: [giccid], servicePackageName: "Nope"))?.code == .missing)
        #expect(refusal(BatchJobRequest(kind: .modifyQuotaPlan, giccids: [giccid], servicePackageName: TestWorld.fleetAddon))?.code == .invalid)
        // And nothing was stored or held
        #expect(try simulator.perform(.deactivate, giccid: giccid, enterprise: enterprise, source: .api).status == .deactivated)
    }

    @Test func jobsAreInvisibleToOtherEnterprisesAndTasksArePaged() throws {
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: nil, template: .empty)
        let giccids = TestWorld.allGiccids
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: giccids), enterprise: enterprise).jobId
        #expect(throws: SimError.notFound("BatchJob", field: "jobId")) {
            try simulator.batchJob(jobId, enterprise: "Other", page: PageRequest())
        }
        let second = try simulator.batchJob(jobId, enterprise: enterprise, page: PageRequest(page: 1, size: 5))
        #expect(second.tasks.total == 12)
        #expect(second.tasks.items.map(\.giccid) == Array(giccids[5..<10]))
        let last = try simulator.batchJob(jobId, enterprise: enterprise, page: PageRequest(page: 2, size: 5))
        #expect(last.tasks.items.count == 2)
    }

    @Test func aTenThousandSIMJobFinishesAfterOneClockAdvance() throws {
        // Given 10,000 INVENTORY SIMs and one ACTIVATE job over all of them
        let simulator = TestWorld.simulator()
        let sims = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 10_000), enterprise: enterprise)
        let jobId = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: sims.map(\.giccid)), enterprise: enterprise)
            .jobId
        // When the clock advances once, past 10,000 tasks at 50 a second
        try simulator.advance(by: .minutes(4))
        // Then the job is finished and every SIM is ACTIVATED
        #expect(try job(simulator, jobId).status == .finished)
        let pages = try (0..<10).map { try simulator.batchJob(jobId, enterprise: enterprise, page: PageRequest(page: $0, size: 1000)).tasks }
        #expect(pages[0].total == 10_000)
        #expect(pages.allSatisfy { $0.items.count == 1000 && $0.items.allSatisfy { $0.status == .success } })
        let activated = try simulator.sims(SIMFilter(status: .activated), page: PageRequest(size: 1), enterprise: enterprise)
        #expect(activated.total == 10_002)
    }

    @Test func workOfADeletedTenantNeverReachesANewTenantOfTheSameName() throws {
        // Given a tenant whose job is pending when the tenant is deleted and made again
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Team", apiKey: nil, template: .default)
        let giccid = TestWorld.giccid(.inventory)
        let old = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [giccid]), enterprise: "Team").jobId
        try simulator.deleteEnterprise(named: "Team")
        _ = try simulator.createEnterprise(named: "Team", apiKey: nil, template: .default)
        let new = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [giccid]), enterprise: "Team").jobId
        #expect(new == old, "the same name and calls give the same ids")
        // When the clock passes both due times
        try simulator.advance(by: .minutes(1))
        // Then the new job ran once: its one SIM activated once, its task a success
        let log = try simulator.changeLogs(ChangeLogQuery(giccid: giccid), page: everything, enterprise: "Team")
        #expect(log.total == 1)
        #expect(try simulator.batchJob(new, enterprise: "Team", page: PageRequest()).job.tasks.map(\.status) == [.success])
    }
}
