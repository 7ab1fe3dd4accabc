import SimCore
import SimPush

/// The wire form of a webhook configuration.
struct WebhookResponse: Encodable, Sendable {
    let webhook: WebhookConfiguration

    init(_ webhook: WebhookConfiguration) { self.webhook = webhook }

    private enum Key: String, CodingKey {
        case url, secret, eventTypes, accountName
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(webhook.url, forKey: .url)
        try container.encode(webhook.secret, forKey: .secret)
        let types = webhook.eventTypes.map { Array($0) } ?? PushEventType.allCases
        try container.encode(types.map(\.rawValue).sorted(), forKey: .eventTypes)
        try container.encode(webhook.accountName, forKey: .accountName)
    }
}

/// `{"webhooks": […]}`.
struct WebhookListResponse: Encodable, Sendable {
    let webhooks: [WebhookResponse]
}

/// The wire form of a push and its attempts.
struct DeliveryResponse: Encodable, Sendable {
    let delivery: Delivery

    init(_ delivery: Delivery) { self.delivery = delivery }

    private enum Key: String, CodingKey {
        case eventId, eventType, giccid, state, url, nextAttemptTime, attempts, payload
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(delivery.event.eventId, forKey: .eventId)
        try container.encode(delivery.event.eventType.rawValue, forKey: .eventType)
        try container.encode(delivery.event.giccid, forKey: .giccid)
        try container.encode(delivery.state.rawValue, forKey: .state)
        try container.encode(delivery.url, forKey: .url)
        try container.encode(delivery.nextAttemptTime?.smarthubString, forKey: .nextAttemptTime)
        try container.encode(delivery.attempts.map(AttemptResponse.init), forKey: .attempts)
        try container.encode(PushEnvelopeJSON(delivery.event), forKey: .payload)
    }

    /// One attempt; `httpStatus` and `error` are left out when there is none.
    struct AttemptResponse: Encodable, Sendable {
        let at: String
        let httpStatus: Int?
        let error: String?

        init(_ attempt: Delivery.Attempt) {
            at = attempt.at.smarthubString
            httpStatus = attempt.httpStatus
            error = attempt.error
        }
    }
}
