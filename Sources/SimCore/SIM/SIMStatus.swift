/// The life-cycle status of a SIM (Cisco Control Center style; `DEACTIVATED` is the
/// documentation's "Suspended"). `RETIRED` is terminal.
public enum SIMStatus: String, Sendable, CaseIterable, Codable, Comparable {
    case testReady = "TEST_READY"
    case inventory = "INVENTORY"
    case activationReady = "ACTIVATION_READY"
    case activated = "ACTIVATED"
    case deactivated = "DEACTIVATED"
    case retired = "RETIRED"

    public static func < (lhs: SIMStatus, rhs: SIMStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
