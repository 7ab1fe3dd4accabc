import Testing

@testable import SimCore

/// Conflicting calls from many threads at once never break the state machine.
@Suite struct ConcurrencyTests {
    @Test func concurrentTransitionsOfOneSIMLeaveAValidHistory() async throws {
        // Given one ACTIVATED SIM and a simulator shared by many tasks
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated, account: TestWorld.postpaidAccount)
        let actions: [SIMAction] = [.activate, .deactivate, .retire]
        // When 600 calls race, each one of activate, deactivate or retire
        let successes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<600 {
                group.addTask {
                    (try? simulator.perform(
                        actions[index % actions.count], giccid: giccid, enterprise: TestWorld.enterpriseName, source: .api)) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        // Then the change log is a walk of the state machine from the seed status to the final one
        let log = try simulator.changeLogs(
            ChangeLogQuery(giccid: giccid), page: PageRequest(size: PageRequest.maximumSize), enterprise: TestWorld.enterpriseName)
        #expect(log.total == successes)
        var status = SIMStatus.activated
        for entry in log.items {
            #expect(entry.before == status.rawValue)
            let allowed = SIMLifecycle.table[status]?.values.map(\.rawValue) ?? []
            #expect(allowed.contains(entry.after ?? ""), "\(status) → \(entry.after ?? "nil") is not in the table")
            status = SIMStatus(rawValue: entry.after ?? "") ?? status
        }
        let final = try simulator.sim(giccid, enterprise: TestWorld.enterpriseName)
        #expect(final.status == status)
    }

    /// What one racing task did.
    private enum Outcome: Sendable {
        case changed(String)
        case job(String)
        case advanceRefused
        case nothing
    }

    @Test func racingCallsBatchJobsAndClockMovesLeaveValidHistories() async throws {
        // Given every seed SIM (one per status in each account) and its status
        let simulator = TestWorld.simulator()
        let enterprise = TestWorld.enterpriseName
        let giccids = TestWorld.allGiccids
        var seedStatus: [String: SIMStatus] = [:]
        for giccid in giccids { seedStatus[giccid] = try simulator.sim(giccid, enterprise: enterprise).status }
        let actions: [SIMAction] = [.activate, .deactivate, .retire]
        let kinds: [BatchJob.Kind] = [.activate, .deactivate, .retire]
        // When 600 tasks race: single calls, batch jobs over overlapping SIMs, and clock moves that run their tasks
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for index in 0..<600 {
                group.addTask {
                    switch index % 5 {
                    case 0, 1, 2:
                        let giccid = giccids[(index * 7) % giccids.count]
                        let changed =
                            (try? simulator.perform(actions[index % actions.count], giccid: giccid, enterprise: enterprise, source: .api)) != nil
                        return changed ? .changed(giccid) : .nothing
                    case 3:
                        let chosen = (0..<4).map { giccids[(index + $0 * 3) % giccids.count] }
                        let request = BatchJobRequest(kind: kinds[(index / 5) % kinds.count], giccids: chosen)
                        return (try? simulator.submitBatchJob(request, enterprise: enterprise)).map { .job($0.jobId) } ?? .nothing
                    default:
                        // Half the moves deliver pushes as the HTTP advance does, half are plain.
                        do {
                            if index % 2 == 0 {
                                try simulator.advance(by: SimDuration(milliseconds: 50))
                            } else {
                                try await simulator.advanceAndDeliver(by: SimDuration(milliseconds: 50))
                            }
                            return .nothing
                        } catch {
                            return .advanceRefused
                        }
                    }
                }
            }
            return await group.reduce(into: [Outcome]()) { $0.append($1) }
        }
        _ = try simulator.advance(by: .seconds(3600))
        // Then every move of the clock went by its whole duration from where the clock stood
        #expect(outcomes.filter { if case .advanceRefused = $0 { true } else { false } }.isEmpty)
        #expect(simulator.clockReading().now == TestWorld.startTime.adding(.seconds(3606)))
        // And every job has ended, and its successful tasks are the log's batch changes
        var apiChanges: [String: Int] = [:]
        var batchChanges: [String: Int] = [:]
        var jobs = 0
        for outcome in outcomes {
            switch outcome {
            case .changed(let giccid): apiChanges[giccid, default: 0] += 1
            case .job(let jobId):
                jobs += 1
                let page = try simulator.batchJob(jobId, enterprise: enterprise, page: PageRequest(size: PageRequest.maximumSize))
                #expect(page.job.status == .finished)
                for task in page.tasks.items {
                    #expect(task.status != .pending)
                    #expect((task.status == .fail) == (task.errorMessage != nil))
                    if task.status == .success { batchChanges[task.giccid, default: 0] += 1 }
                }
            case .advanceRefused, .nothing: break
            }
        }
        #expect(jobs == 120)
        // And every SIM's log is a walk of the state machine from its seed status to its status now
        for giccid in giccids {
            let log = try simulator.changeLogs(
                ChangeLogQuery(giccid: giccid, type: .status), page: PageRequest(size: PageRequest.maximumSize), enterprise: enterprise)
            var status = try #require(seedStatus[giccid])
            for entry in log.items {
                #expect(entry.before == status.rawValue)
                let next = try #require(SIMStatus(rawValue: entry.after ?? ""))
                #expect(SIMLifecycle.table[status]?.values.contains(next) == true, "\(giccid): \(status) → \(next)")
                status = next
            }
            #expect(try simulator.sim(giccid, enterprise: enterprise).status == status)
            #expect(log.items.map(\.time) == log.items.map(\.time).sorted())
            #expect(log.items.count { $0.source == .api } == apiChanges[giccid, default: 0])
            #expect(log.items.count { $0.source == .batch } == batchChanges[giccid, default: 0])
        }
    }
}
