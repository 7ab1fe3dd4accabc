/// Where an enterprise (or one of its accounts) wants its pushes, and how they are signed.
public struct WebhookConfiguration: Equatable, Sendable {
    /// An `http` or `https` URL.
    public var url: String
    /// When set, each push carries `X-Smarthub-Timestamp` and `X-Smarthub-Signature`
    /// (HMAC-SHA256 of `timestamp + "." + body`, keyed with the secret's UTF-8 bytes).
    public var secret: String?
    /// The kinds sent; nil sends every kind.
    public var eventTypes: Set<PushEventType>?
    /// Set for a webhook of one account; nil for the enterprise's webhook.
    public var accountName: String?

    /// A webhook with every field given.
    public init(url: String, secret: String? = nil, eventTypes: Set<PushEventType>? = nil, accountName: String? = nil) {
        self.url = url
        self.secret = secret
        self.eventTypes = eventTypes
        self.accountName = accountName
    }

    /// nil when `url` is acceptable (see ``WebhookURLRule``); else the reason.
    public static func problem(withURL url: String) -> String? {
        WebhookURLRule.problem(with: url)
    }
}
