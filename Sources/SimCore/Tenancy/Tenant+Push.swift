extension Tenant {
    /// The webhook for pushes of `eventType` about a SIM of `accountName`: the account's own, else
    /// the enterprise's; nil when none wants this kind.
    func webhook(forAccount accountName: String, eventType: PushEventType) -> WebhookConfiguration? {
        let webhook = webhooks[accountName] ?? webhooks[nil]
        guard let webhook, webhook.eventTypes?.contains(eventType) ?? true else { return nil }
        return webhook
    }

    /// Records a push about `sim` when a webhook wants it, and asks for its first attempt.
    mutating func emitPush(_ kind: some PushKind, sim: SIM, at time: Timestamp) {
        let eventType = type(of: kind).eventType
        guard let webhook = webhook(forAccount: sim.accountName, eventType: eventType) else { return }
        let event = PushEvent(
            eventId: identifiers.nextHexId(), eventType: eventType, eventTime: time, enterpriseName: enterprise.name,
            accountName: sim.accountName, giccid: sim.giccid, data: kind.data)
        if let due = deliveries.add(event, webhook: webhook, at: time) { schedule(.pushAttempt(eventId: event.eventId), at: due) }
    }

    /// Hands the attempt of `eventId` due at `time` to the transport, as a request; nil when that
    /// attempt is no longer wanted.
    mutating func beginPushAttempt(_ eventId: String, dueAt time: Timestamp) -> PushRequest? {
        guard let (delivery, attemptNumber) = deliveries.beginAttempt(eventId, dueAt: time) else { return nil }
        return PushRequest(
            enterpriseName: enterprise.name, tenantSerial: serial, event: delivery.event, url: delivery.url, secret: delivery.secret,
            attemptNumber: attemptNumber, time: time, timeout: settings.pushTimeout,
            signatureTime: settings.signatureTime)
    }

    /// Records what came of an attempt and asks for the attempts it leads to.
    mutating func recordPushOutcome(_ outcome: PushOutcome, of request: PushRequest) {
        let attempts = deliveries.record(
            outcome, of: request.event.eventId, attemptNumber: request.attemptNumber, at: request.time,
            retrySchedule: settings.pushRetrySchedule)
        for (eventId, due) in attempts { schedule(.pushAttempt(eventId: eventId), at: due) }
    }

    /// Starts a fresh attempt of a push at `time`, to the webhook configured now for its kind and
    /// account (the one it went to when none is); returns the delivery.
    mutating func redeliver(_ eventId: String, at time: Timestamp) throws(SimError) -> Delivery {
        guard let delivery = deliveries.delivery(eventId) else { throw .notFound("Delivery", field: "eventId") }
        if let webhook = webhook(forAccount: delivery.event.accountName, eventType: delivery.event.eventType) {
            deliveries.retarget(eventId, to: webhook)
        }
        schedule(.pushAttempt(eventId: eventId), at: try deliveries.redeliver(eventId, at: time))
        return deliveries.delivery(eventId)!
    }

    /// Sets or removes (`nil`) the webhook of the enterprise (`accountName` nil) or of one account.
    mutating func setWebhook(_ webhook: WebhookConfiguration?, forAccount accountName: String?) throws(SimError) {
        if let accountName, accounts[accountName] == nil {
            throw .rejected("Account", field: "accountName", code: .missing, message: "no account named '\(accountName)'")
        }
        if let webhook, let problem = WebhookConfiguration.problem(withURL: webhook.url) {
            throw .rejected("Webhook", field: "url", code: .invalid, message: problem)
        }
        webhooks[accountName] = webhook
    }
}
