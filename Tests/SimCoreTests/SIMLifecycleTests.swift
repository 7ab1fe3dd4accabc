import Testing

@testable import SimCore

/// The SIM state machine as smarthub-api.md §2 writes it, typed out here on purpose instead of
/// read from `SIMLifecycle.table`, so the test compares the code with the document.
private let documentedTransitions: [SIMStatus: [SIMAction: SIMStatus]] = [
    // TEST_READY | activate | ACTIVATED; TEST_READY | test quota used up | ACTIVATION_READY
    .testReady: [.activate: .activated, .testQuotaUsedUp: .activationReady],
    // INVENTORY | activate | ACTIVATED
    .inventory: [.activate: .activated],
    // ACTIVATION_READY | activate | ACTIVATED; ACTIVATION_READY | first data session | ACTIVATED
    .activationReady: [.activate: .activated, .firstDataSession: .activated],
    // ACTIVATED | deactivate | DEACTIVATED; ACTIVATED | prepaid package ended (DISABLE_CARD) | DEACTIVATED
    .activated: [.deactivate: .deactivated, .prepaidPackageEnded: .deactivated],
    // DEACTIVATED | activate | ACTIVATED; DEACTIVATED | retire | RETIRED
    .deactivated: [.activate: .activated, .retire: .retired],
    // RETIRED is terminal.
    .retired: [:],
]

/// The refusal text the Smarthub documentation gives for retire.
private let documentedRetireRefusal = "Illegal SIM state, current SIM state cannot be retired"

@Suite("SIM lifecycle (smarthub-api.md §2)")
struct SIMLifecycleTests {
    @Test(
        "every status × action pair moves to the documented status or is refused with illegal_status",
        arguments: SIMStatus.allCases, SIMAction.allCases)
    func transition(from status: SIMStatus, action: SIMAction) {
        // Given the documented target for this pair (nil: the document allows no such move)
        let expected = documentedTransitions[status]?[action]

        // When the state machine is asked to move
        let outcome = Result { () throws(SimError) -> SIMStatus in try SIMLifecycle.transition(from: status, action: action) }

        // Then it moves exactly as documented, or refuses with the documented business error
        switch (outcome, expected) {
        case (.success(let target), .some(let documented)):
            #expect(target == documented)
        case (.success(let target), .none):
            Issue.record("\(status) --\(action)--> \(target) is not in smarthub-api.md §2; it must be refused")
        case (.failure(let error), .some(let documented)):
            Issue.record("\(status) --\(action)--> \(documented) is documented but was refused: \(error)")
        case (.failure(let error), .none):
            #expect(error.category == .rejected)
            #expect(error.issues.count == 1)
            let issue = error.issues.first
            #expect(issue?.resource == "SIM")
            #expect(issue?.field == "status")
            #expect(issue?.code == .illegalStatus)
            #expect(issue?.code.rawValue == "illegal_status")
            if action == .retire {
                #expect(issue?.message == documentedRetireRefusal)
            } else {
                #expect(issue?.message?.hasPrefix("Illegal SIM state, current SIM state cannot be ") == true)
            }
        }
    }

    @Test("the refusal message for retire is the documented sentence")
    func retireRefusalMessage() {
        // Given / When the message for a refused retire
        let message = SIMLifecycle.refusalMessage(.retire)

        // Then it is word for word the documentation's
        #expect(message == documentedRetireRefusal)
    }

    @Test("RETIRED is terminal: no action leads out of it")
    func retiredIsTerminal() {
        // Given a retired SIM, when every action is tried, then none succeeds
        let moves = SIMAction.allCases.filter { (try? SIMLifecycle.transition(from: .retired, action: $0)) != nil }
        #expect(moves.isEmpty)
    }

    @Test("only a DEACTIVATED SIM can be retired (documented)")
    func onlySuspendedCanBeRetired() {
        // Given every status, when retire is tried, then only DEACTIVATED allows it
        let retirable = SIMStatus.allCases.filter { (try? SIMLifecycle.transition(from: $0, action: .retire)) != nil }
        #expect(retirable == [.deactivated])
    }
}
