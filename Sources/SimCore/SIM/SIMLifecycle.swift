/// The SIM state machine of the Smarthub API (smarthub-api.md §2), as one table.
///
/// Every status change — single calls, batch tasks and automatic rules — goes through
/// ``transition(from:action:)``; anything not in the table is refused with `illegal_status`.
public enum SIMLifecycle {
    /// Every allowed `(from, action) → to`.
    public static let table: [SIMStatus: [SIMAction: SIMStatus]] = [
        .testReady: [.activate: .activated, .testQuotaUsedUp: .activationReady],
        .inventory: [.activate: .activated],
        .activationReady: [.activate: .activated, .firstDataSession: .activated],
        .activated: [.deactivate: .deactivated, .prepaidPackageEnded: .deactivated],
        .deactivated: [.activate: .activated, .retire: .retired],
        .retired: [:],
    ]

    /// The status a SIM in `status` moves to on `action`.
    /// - Throws: ``SimError`` with code `illegal_status` when the table has no such move.
    public static func transition(from status: SIMStatus, action: SIMAction) throws(SimError) -> SIMStatus {
        guard let next = table[status]?[action] else {
            throw SimError.rejected("SIM", field: "status", code: .illegalStatus, message: refusalMessage(action))
        }
        return next
    }

    /// The documented refusal: "Illegal SIM state, current SIM state cannot be retired".
    public static func refusalMessage(_ action: SIMAction) -> String {
        "Illegal SIM state, current SIM state cannot be \(action.pastParticiple)"
    }
}
