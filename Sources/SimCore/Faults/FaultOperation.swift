/// An operation whose outcome a fault can force: a SIM change (single call or batch task) or an
/// MT SMS delivery.
public enum FaultOperation: String, Sendable, CaseIterable, Codable {
    /// `POST /global-sims/{giccid}/activate` and batch ACTIVATE tasks.
    case activate
    /// `POST /global-sims/{giccid}/deactivate` (and `suspend`) and batch DEACTIVATE tasks.
    case deactivate
    /// `POST /global-sims/{giccid}/retire` and batch RETIRE tasks.
    case retire
    /// `PUT /global-sims/{giccid}/basicServicePackage` and batch MODIFY_QUOTA_PLAN tasks.
    case basicServicePackage
    /// The delivery of an MT SMS.
    case mtSMS = "mt-sms"

    /// The forced outcome this operation takes: `FAIL` for SIM changes, `FAILED` for an SMS.
    public var forcedOutcome: String { self == .mtSMS ? "FAILED" : "FAIL" }

    /// The error message of a forced failure when the fault gives none.
    public var defaultErrorMessage: String {
        switch self {
        case .activate: "Failed to activate sim"
        case .deactivate: "Failed to deactivate sim"
        case .retire: "Failed to retire sim"
        case .basicServicePackage: "Failed to change the basic service package"
        case .mtSMS: "SMS not delivered"
        }
    }

    /// The operation of a status change asked by a client; nil for the platform's own changes.
    init?(_ action: SIMAction) {
        switch action {
        case .activate: self = .activate
        case .deactivate: self = .deactivate
        case .retire: self = .retire
        case .testQuotaUsedUp, .firstDataSession, .prepaidPackageEnded: return nil
        }
    }
}
