/// Who made a change: a single API call, a batch job task, or the platform itself.
public enum ChangeSource: String, Sendable, Codable, CaseIterable {
    case api = "API"
    case batch = "BATCH"
    case system = "SYSTEM"
}
