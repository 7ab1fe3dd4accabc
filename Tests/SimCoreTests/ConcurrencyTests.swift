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
}
