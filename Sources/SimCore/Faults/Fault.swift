/// A fault in force for one enterprise (`POST /_sim/faults`): a forced outcome of an operation,
/// an HTTP fault on the public API, or a rate limit.
///
/// ```swift
/// let fault = try simulator.createFault(.outcome(.init(operation: .activate, giccid: giccid)), times: 1, enterprise: name)
/// ```
public struct Fault: Equatable, Sendable, Codable {
    /// What the fault does.
    public enum Kind: Equatable, Sendable, Codable {
        /// The operation fails (on `giccid`, or on any SIM).
        case outcome(OutcomeFault)
        /// Requests of the public API matching the path (and method) are delayed or answered with a status.
        case http(HTTPFault)
        /// Requests of the public API beyond `perSecond` are answered 429 with `Retry-After`.
        case rateLimit(perSecond: Double)
    }

    /// A forced failure of an operation.
    public struct OutcomeFault: Equatable, Sendable, Codable {
        public var operation: FaultOperation
        /// Only this SIM; nil for any SIM.
        public var giccid: String?
        /// The message of the failure; nil for the operation's default.
        public var errorMessage: String?

        /// A forced failure of `operation`.
        public init(operation: FaultOperation, giccid: String? = nil, errorMessage: String? = nil) {
            self.operation = operation
            self.giccid = giccid
            self.errorMessage = errorMessage
        }
    }

    /// A fault on requests of the public API.
    public struct HTTPFault: Equatable, Sendable, Codable {
        /// The path pattern: `{name}` matches one segment, a final `*` the rest of the path.
        public var path: FaultPathPattern
        /// Only this method (upper case); nil for any.
        public var method: String?
        /// Answer this status instead of serving the request.
        public var status: Int?
        /// Wait this long (wall time) before answering.
        public var delay: SimDuration?
        /// The chance (0 to 1) that a matching request is hit; nil for always.
        public var probability: Double?
        /// Draws whether a request is hit, from the fault's seed.
        var random: DeterministicRandom

        /// An HTTP fault; `seed` makes the hits of a `probability` reproducible.
        public init(
            path: FaultPathPattern, method: String? = nil, status: Int? = nil, delay: SimDuration? = nil, probability: Double? = nil,
            seed: UInt64 = 0
        ) {
            self.path = path
            self.method = method
            self.status = status
            self.delay = delay
            self.probability = probability
            self.random = DeterministicRandom(seed: seed)
        }
    }

    /// Unique within the enterprise.
    public var id: String
    public var kind: Kind
    /// Applications left; nil while it applies until deleted.
    public var remaining: Int?
    /// The seed the fault's draws come from (for HTTP faults with a probability).
    public var seed: UInt64?
}
