/// One push and what became of it: every attempt to deliver it to the webhook.
public struct Delivery: Equatable, Sendable, Codable {
    /// `PENDING` while attempts remain, `DELIVERED` after a 2xx, `FAILED` when retries are exhausted.
    public enum State: String, Sendable, CaseIterable, Codable {
        case pending = "PENDING"
        case delivered = "DELIVERED"
        case failed = "FAILED"
    }

    /// One attempt: when, and what the receiver answered (or why there was no answer).
    public struct Attempt: Equatable, Sendable, Codable {
        public var at: Timestamp
        public var httpStatus: Int?
        public var error: String?

        /// An attempt's record.
        public init(at: Timestamp, httpStatus: Int?, error: String?) {
            self.at = at
            self.httpStatus = httpStatus
            self.error = error
        }
    }

    public var event: PushEvent
    /// The webhook at the time of the push.
    public var url: String
    public var secret: String?
    public var state: State
    public var attempts: [Attempt]
    /// When the next attempt is due, while one is scheduled.
    public var nextAttemptTime: Timestamp?
    /// True while an attempt has been handed to the transport and not answered yet.
    var inFlight: Bool
    /// True while the delivery holds its place in the order of its SIM's pushes to its URL.
    var queued: Bool

    /// A new pending delivery.
    init(event: PushEvent, webhook: WebhookConfiguration) {
        self.event = event
        self.url = webhook.url
        self.secret = webhook.secret
        self.state = .pending
        self.attempts = []
        self.nextAttemptTime = nil
        self.inFlight = false
        self.queued = true
    }
}

/// The filters of `GET /_sim/deliveries`; every given filter must match.
public struct DeliveryQuery: Equatable, Sendable {
    public var eventType: PushEventType?
    public var giccid: String?
    public var state: Delivery.State?

    /// A query; nil fields match everything.
    public init(eventType: PushEventType? = nil, giccid: String? = nil, state: Delivery.State? = nil) {
        self.eventType = eventType
        self.giccid = giccid
        self.state = state
    }

    func matches(_ delivery: Delivery) -> Bool {
        (eventType == nil || delivery.event.eventType == eventType) && (giccid == nil || delivery.event.giccid == giccid)
            && (state == nil || delivery.state == state)
    }
}
