/// One attempt to deliver a push, handed to the ``PushTransport``.
public struct PushRequest: Equatable, Sendable {
    /// The tenant the push belongs to (its serial guards against a deleted tenant of the same name).
    public var enterpriseName: String
    /// The tenant's serial (see `Tenant.serial`).
    public var tenantSerial: UInt64
    public var event: PushEvent
    public var url: String
    public var secret: String?
    /// 1 for the first attempt.
    public var attemptNumber: Int
    /// The simulated time of the attempt (also the signature's timestamp).
    public var time: Timestamp
    /// How long the receiver has to answer, in wall time.
    public var timeout: SimDuration
    /// Which time the signature covers: ``time`` or the machine's time when the attempt leaves.
    public var signatureTime: SignatureTime
    /// The world's count of replacements when the attempt was made (its outcome is recorded only
    /// into that same world, never into one loaded since).
    public var worldReplacement: UInt64 = 0

    /// A request with every field given.
    public init(
        enterpriseName: String, tenantSerial: UInt64, event: PushEvent, url: String, secret: String?, attemptNumber: Int, time: Timestamp,
        timeout: SimDuration, signatureTime: SignatureTime = .simulated
    ) {
        self.enterpriseName = enterpriseName
        self.tenantSerial = tenantSerial
        self.event = event
        self.url = url
        self.secret = secret
        self.attemptNumber = attemptNumber
        self.time = time
        self.timeout = timeout
        self.signatureTime = signatureTime
    }
}

/// What came of one attempt: the receiver's status code, or why there was none.
public struct PushOutcome: Equatable, Sendable {
    public var httpStatus: Int?
    public var error: String?

    /// An outcome: a status, or an error (a refused connection, a timeout).
    public init(httpStatus: Int?, error: String?) {
        self.httpStatus = httpStatus
        self.error = error
    }

    /// True for a 2xx answer.
    public var isSuccess: Bool { httpStatus.map { (200..<300).contains($0) } ?? false }
}

/// Sends pushes over the network: implemented by the host (HTTP), never by the core.
public protocol PushTransport: Sendable {
    /// POSTs the push and reports the answer; never throws, a failure is an outcome.
    func send(_ request: PushRequest) async -> PushOutcome
}
