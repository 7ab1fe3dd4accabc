/// The pushes of one enterprise and their attempts, keeping the order of each SIM's pushes to
/// each URL: only the oldest undecided push of a (URL, SIM) pair is attempted; the next one
/// waits until it is delivered or has failed for good.
struct DeliveryLedger: Sendable, Codable {
    private(set) var deliveries: [Delivery] = []
    private var indexByEventId: [String: Int] = [:]
    private var queues: [QueueKey: [String]] = [:]
    /// The positions of the deliveries added or changed since ``takeChangedPositions()`` was last called.
    private var changedPositions: Set<Int> = []

    private struct QueueKey: Hashable, Sendable {
        let url: String
        let giccid: String
    }

    /// The delivery of this event.
    func delivery(_ eventId: String) -> Delivery? {
        indexByEventId[eventId].map { deliveries[$0] }
    }

    /// A page of the deliveries matching `query`, oldest first.
    func list(_ query: DeliveryQuery, page: PageRequest) -> Page<Delivery> {
        Page(slicing: deliveries.filter(query.matches), request: page)
    }

    /// Records a new push; returns when its first attempt is due (now, unless an earlier push of
    /// the same SIM to the same URL is still undecided).
    mutating func add(_ event: PushEvent, webhook: WebhookConfiguration, at time: Timestamp) -> Timestamp? {
        let key = QueueKey(url: webhook.url, giccid: event.giccid)
        indexByEventId[event.eventId] = deliveries.count
        changedPositions.insert(deliveries.count)
        deliveries.append(Delivery(event: event, webhook: webhook))
        queues[key, default: []].append(event.eventId)
        guard queues[key]!.count == 1 else { return nil }
        deliveries[deliveries.count - 1].nextAttemptTime = time
        return time
    }

    /// Marks the attempt due at `time` as handed to the transport and returns the delivery and the
    /// attempt's number; nil when that attempt is no longer wanted (delivered, rescheduled, in flight).
    mutating func beginAttempt(_ eventId: String, dueAt time: Timestamp) -> (delivery: Delivery, attemptNumber: Int)? {
        guard let index = indexByEventId[eventId], deliveries[index].state == .pending, !deliveries[index].inFlight,
            deliveries[index].nextAttemptTime == time
        else { return nil }
        changedPositions.insert(index)
        deliveries[index].inFlight = true
        deliveries[index].nextAttemptTime = nil
        return (deliveries[index], deliveries[index].attempts.count + 1)
    }

    /// Records what came of attempt `attemptNumber`, made at `time`. Returns the attempts to
    /// schedule: this push's retry, or the next push of its (URL, SIM) once this one is decided.
    mutating func record(
        _ outcome: PushOutcome, of eventId: String, attemptNumber: Int, at time: Timestamp, retrySchedule: [SimDuration]
    ) -> [(eventId: String, due: Timestamp)] {
        guard let index = indexByEventId[eventId], deliveries[index].inFlight, deliveries[index].attempts.count + 1 == attemptNumber
        else { return [] }
        changedPositions.insert(index)
        deliveries[index].inFlight = false
        deliveries[index].attempts.append(Delivery.Attempt(at: time, httpStatus: outcome.httpStatus, error: outcome.error))
        if outcome.isSuccess {
            deliveries[index].state = .delivered
            return release(index, at: time)
        }
        let failures = deliveries[index].attempts.count
        guard failures <= retrySchedule.count else {
            deliveries[index].state = .failed
            return release(index, at: time)
        }
        let due = time.adding(retrySchedule[failures - 1])
        deliveries[index].nextAttemptTime = due
        return [(eventId, due)]
    }

    /// Starts a fresh attempt now, whatever the push's state; returns when it is due.
    /// - Throws: `invalid` while an attempt is in flight, `notFound` for an unknown event.
    mutating func redeliver(_ eventId: String, at time: Timestamp) throws(SimError) -> Timestamp {
        guard let index = indexByEventId[eventId] else { throw .notFound("Delivery", field: "eventId") }
        guard !deliveries[index].inFlight else {
            throw .rejected("Delivery", field: "eventId", code: .invalid, message: "an attempt of this push is in flight; try again")
        }
        changedPositions.insert(index)
        deliveries[index].state = .pending
        deliveries[index].nextAttemptTime = time
        return time
    }

    /// Frees the push's place in its (URL, SIM) order and returns the next push's first attempt.
    private mutating func release(_ index: Int, at time: Timestamp) -> [(eventId: String, due: Timestamp)] {
        changedPositions.insert(index)
        deliveries[index].nextAttemptTime = nil
        guard deliveries[index].queued else { return [] }
        deliveries[index].queued = false
        let key = QueueKey(url: deliveries[index].url, giccid: deliveries[index].event.giccid)
        let wasFirst = queues[key]?.first == deliveries[index].event.eventId
        queues[key]?.removeAll { $0 == deliveries[index].event.eventId }
        guard wasFirst else { return [] }
        guard let next = queues[key]?.first, let nextIndex = indexByEventId[next] else {
            queues[key] = nil
            return []
        }
        changedPositions.insert(nextIndex)
        deliveries[nextIndex].nextAttemptTime = time
        return [(next, time)]
    }

    /// Sends a push that no longer waits in its URL's line to `webhook` from its next attempt on.
    mutating func retarget(_ eventId: String, to webhook: WebhookConfiguration) {
        guard let index = indexByEventId[eventId], !deliveries[index].queued, !deliveries[index].inFlight else { return }
        changedPositions.insert(index)
        deliveries[index].url = webhook.url
        deliveries[index].secret = webhook.secret
    }

    /// Attempts that were in flight when the state was saved will never be answered: each becomes
    /// due again at `time`. Returns their event ids.
    mutating func resumeAttemptsInFlight(at time: Timestamp) -> [String] {
        var resumed: [String] = []
        for index in deliveries.indices where deliveries[index].inFlight {
            changedPositions.insert(index)
            deliveries[index].inFlight = false
            deliveries[index].nextAttemptTime = time
            resumed.append(deliveries[index].event.eventId)
        }
        return resumed
    }

    /// An empty ledger.
    init() {}

    /// A ledger of `deliveries`, in the order they were pushed; the waiting line of each (URL, SIM)
    /// is rebuilt from the deliveries that still hold their place in it, in their order.
    init(deliveries: [Delivery]) {
        self.deliveries = deliveries
        for (index, delivery) in deliveries.enumerated() {
            indexByEventId[delivery.event.eventId] = index
            if delivery.queued { queues[QueueKey(url: delivery.url, giccid: delivery.event.giccid), default: []].append(delivery.event.eventId) }
            changedPositions.insert(index)
        }
    }

    /// The deliveries added or changed since the last call, with their positions, and forgets them.
    mutating func takeChangedDeliveries() -> [(position: Int, delivery: Delivery)] {
        defer { changedPositions = [] }
        return changedPositions.sorted().map { ($0, deliveries[$0]) }
    }

    private enum CodingKeys: String, CodingKey { case deliveries, queues }

    /// One waiting line of pushes to a URL about a SIM, in a state document.
    private struct QueueRecord: Codable {
        let url: String
        let giccid: String
        let eventIds: [String]
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        deliveries = try container.decode([Delivery].self, forKey: .deliveries)
        for (index, delivery) in deliveries.enumerated() {
            indexByEventId[delivery.event.eventId] = index
            changedPositions.insert(index)
        }
        for queue in try container.decode([QueueRecord].self, forKey: .queues) {
            queues[QueueKey(url: queue.url, giccid: queue.giccid)] = queue.eventIds
        }
    }

    /// Deliveries in their order; waiting lines sorted by URL and SIM.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deliveries, forKey: .deliveries)
        let records = queues.map { QueueRecord(url: $0.key.url, giccid: $0.key.giccid, eventIds: $0.value) }
        try container.encode(records.sorted { ($0.url, $0.giccid) < ($1.url, $1.giccid) }, forKey: .queues)
    }
}
