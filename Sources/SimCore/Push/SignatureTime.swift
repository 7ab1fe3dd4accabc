/// Which time a push's signature covers (`X-Smarthub-Timestamp`): a setting of the seed and of
/// `PUT /_sim/settings`.
public enum SignatureTime: String, Codable, CaseIterable, Sendable {
    /// The simulated time of the attempt: replays give the same bytes, but a receiver that checks
    /// the timestamp against its own clock must allow for the simulated clock's distance.
    case simulated
    /// The machine's time when the attempt leaves: what a production receiver's freshness check expects.
    case wall
}
