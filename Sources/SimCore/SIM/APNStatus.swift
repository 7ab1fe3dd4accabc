/// Whether the SIM's APN lets data through.
public enum APNStatus: String, Sendable, Codable, CaseIterable {
    case enabled = "ENABLED"
    case disabled = "DISABLED"
}
