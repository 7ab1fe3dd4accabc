/// What the faults in force do to one request of the public API.
public struct HTTPFaultAction: Equatable, Sendable {
    /// Wait this long (wall time) before answering.
    public var delay: SimDuration?
    /// Answer this status instead of serving the request.
    public var status: Int?
    /// The fault that set `status`.
    public var faultId: String?
    /// The request is over a rate limit: answer 429 with `Retry-After` of this many seconds.
    public var retryAfterSeconds: Int?

    /// No fault applies.
    public static let none = HTTPFaultAction()

    /// True when the request is served as usual, at once.
    public var isNone: Bool { self == .none }
}
