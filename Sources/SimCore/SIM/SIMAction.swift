/// Something that can change a SIM's status: a call of the client, or an event of the network.
public enum SIMAction: String, Sendable, CaseIterable {
    /// `POST /global-sims/{giccid}/activate` or a batch ACTIVATE task.
    case activate
    /// `POST /global-sims/{giccid}/deactivate` (alias `suspend`) or a batch DEACTIVATE task.
    case deactivate
    /// `POST /global-sims/{giccid}/retire` or a batch RETIRE task.
    case retire
    /// Automatic: the SIM used up its test quota.
    case testQuotaUsedUp
    /// Automatic: the SIM opened its first data session.
    case firstDataSession
    /// Automatic: a prepaid package ended on an account with `prepaidRenewType=DISABLE_CARD`.
    case prepaidPackageEnded

    /// The verb of the refusal message: "current SIM state cannot be *retired*".
    var pastParticiple: String {
        switch self {
        case .activate, .firstDataSession: "activated"
        case .deactivate, .prepaidPackageEnded: "deactivated"
        case .retire: "retired"
        case .testQuotaUsedUp: "moved to ACTIVATION_READY"
        }
    }
}
