/// How the simulator clock moves.
public enum ClockMode: String, Sendable, CaseIterable, Codable {
    /// The clock stands still; only `advance` and `set` move it. The mode for tests.
    case manual
    /// The clock follows the machine's clock, multiplied by a scale.
    case real
}
