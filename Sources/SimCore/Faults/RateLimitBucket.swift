/// A token bucket on the wall clock: `perSecond` requests a second on average, bursts of up to
/// `max(1, perSecond)`.
struct RateLimitBucket: Equatable, Sendable, Codable {
    let perSecond: Double
    private var tokens: Double
    private var lastMilliseconds: Int64

    /// A full bucket at `wallMilliseconds`.
    init(perSecond: Double, wallMilliseconds: Int64) {
        self.perSecond = perSecond
        tokens = max(1, perSecond)
        lastMilliseconds = wallMilliseconds
    }

    /// Takes a token for a request at `wallMilliseconds`: nil when allowed, else the whole seconds
    /// to wait (at least 1) before the next token.
    mutating func take(at wallMilliseconds: Int64) -> Int? {
        let elapsed = Double(max(0, wallMilliseconds - lastMilliseconds)) / 1000
        tokens = min(max(1, perSecond), tokens + elapsed * perSecond)
        lastMilliseconds = max(lastMilliseconds, wallMilliseconds)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return max(1, Int(((1 - tokens) / perSecond).rounded(.up)))
    }
}
