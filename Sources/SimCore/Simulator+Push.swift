import Dispatch

extension Simulator {
    /// Makes push attempts through the transport, all at once, and records their outcomes (which
    /// may schedule retries, or the next push of the same SIM to the same URL).
    public func deliver(_ requests: [PushRequest]) async {
        let transport = pushTransport
        let outcomes = await withTaskGroup(of: (Int, PushOutcome).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, await transport.send(request)) }
            }
            var outcomes = [PushOutcome?](repeating: nil, count: requests.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
        readWorld { world, _ in
            for (request, outcome) in zip(requests, outcomes) { world.record(outcome, of: request) }
        }
    }

    /// Moves the clock `enterprise` lives by forward to `target` like ``advance(to:field:for:)``,
    /// but makes the push attempts that fall due on the way itself, in time order, and returns only
    /// once they are answered and recorded: afterwards every effect of the advance is visible.
    /// Concurrent advances of one clock run one after another, in the order they came; advances of
    /// two own clocks run side by side.
    @discardableResult
    public func advanceAndDeliver(to target: Timestamp, field: String = "to", for enterprise: String? = nil) async throws(SimError) -> Timestamp {
        try await advanceAndDeliver(field: field, for: enterprise) { _ in target }
    }

    /// Like ``advanceAndDeliver(to:field:for:)``, by a duration from the clock's reading when this
    /// advance's turn comes.
    @discardableResult
    public func advanceAndDeliver(by duration: SimDuration, for enterprise: String? = nil) async throws(SimError) -> Timestamp {
        try await advanceAndDeliver(field: "by", for: enterprise) { now in now.adding(duration) }
    }

    private func advanceAndDeliver(field: String, for enterprise: String?, destination: (Timestamp) -> Timestamp) async throws(SimError) -> Timestamp
    {
        let owner = readWorld(for: enterprise) { world, _ in world.ownClockName(enterprise) }
        let turns = turns(ownClockOf: owner)
        await turns.enter()
        defer { turns.leave() }
        let wall = wallMilliseconds
        var (target, shown) = try withWorld(for: owner) { world, now throws(SimError) in
            // The enterprise may have gone while this advance waited its turn.
            guard world.ownClockName(owner) == owner else { throw .notFound("Enterprise", field: "enterpriseName") }
            let target = destination(now)
            try Self.check(target, from: now, field: field)
            world.setAdvancing(true, ownClockOf: owner)
            return (target, now)
        }
        // A move by a duration goes its whole way from where the clock stood, even when another
        // call (a plain advance) moved the manual clock meanwhile.
        let byDuration = field == "by"
        // The due work runs in slices, the world let go between them, so other calls are served
        // while a large advance runs.
        while true {
            let (batch, end, movedTarget, leftAt) = await Self.offTheCallersThread { [target, shown] in
                self.readWorld(for: enterprise) { world, _ in
                    var target = target
                    let manual = world.clock(ownClockOf: owner).mode == .manual
                    let reading = world.clock(ownClockOf: owner).now(wallMilliseconds: wall)
                    if manual, byDuration, reading > shown { target = min(target.adding(reading.duration(since: shown)), .latest) }
                    let end = world.runDueWorkSlice(upTo: target, ownClockOf: owner, budget: World.sliceBudget)
                    if manual { Self.showProgress(of: end, in: &world, wall: wall, ownClockOf: owner) }
                    return (world.takeReadyDeliveries(ownClockOf: owner), end, target, world.clock(ownClockOf: owner).now(wallMilliseconds: wall))
                }
            }
            (target, shown) = (movedTarget, leftAt)
            if !batch.isEmpty {
                await deliver(batch)
            } else if end == .finished {
                break
            } else {
                await letWaitingCallsIn()
            }
        }
        return readWorld(for: owner) { [target, shown] world, now in
            world.setAdvancing(false, ownClockOf: owner)
            var end = target
            if byDuration, world.clock(ownClockOf: owner).mode == .manual, now > shown {
                // Moved meanwhile by another call: that move and this one both go their whole way.
                end = min(target.adding(now.duration(since: shown)), .latest)
                world.runDueWork(upTo: end, ownClockOf: owner)
            }
            // A plain advance (PUT /_sim/clock with `now`) may have gone further meanwhile: never back.
            end = max(end, now)
            world.setClock(end, wallMilliseconds: wall, ownClockOf: owner)
            return end
        }
    }

    /// Runs `body` on a thread of the system's pool and waits for it without holding the caller's
    /// thread: the caller may be a network event loop, which must go on reading requests while a
    /// slice of an advance runs.
    private static func offTheCallersThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    /// Between two slices of an advance: gives the calls waiting for the world their turn (the
    /// lock is not fair, so without this the advance would take it again at once), for a bounded
    /// number of turns.
    private func letWaitingCallsIn() async {
        var turns = 0
        repeat {
            await Task.yield()
            turns += 1
        } while worldWaiters.load(ordering: .relaxed) > 0 && turns < 10_000
    }

    /// Moves a manual clock to where a slice of an advance stopped: to the moment whose work all
    /// ran (before deliveries), or to just before the moment whose work is still running (when the
    /// budget is spent), so calls served meanwhile never run the rest of that moment's work.
    /// Never backwards.
    private static func showProgress(of end: DueWorkSliceEnd, in world: inout World, wall: Int64, ownClockOf owner: String?) {
        let reading = world.clock(ownClockOf: owner).now(wallMilliseconds: wall)
        let shown: Timestamp
        switch end {
        case .finished: return
        case .deliveriesReady(let moment): shown = moment
        case .budgetSpent(let moment): shown = moment.adding(SimDuration(milliseconds: -1))
        }
        if shown > reading { world.setClock(shown, wallMilliseconds: wall, ownClockOf: owner) }
    }

    /// Sets (or with nil removes) the webhook of the enterprise, or of one of its accounts.
    public func setWebhook(_ webhook: WebhookConfiguration?, forAccount accountName: String?, enterprise: String) throws(SimError) {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in try tenant.setWebhook(webhook, forAccount: accountName) }
        }
    }

    /// The enterprise's webhooks: its own first, then those of accounts by name.
    public func webhooks(enterprise: String) throws(SimError) -> [WebhookConfiguration] {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            let webhooks = try world.tenant(enterprise).webhooks
            return webhooks.sorted { ($0.key ?? "") < ($1.key ?? "") }.map(\.value)
        }
    }

    /// A page of the enterprise's pushes matching `query`, oldest first, with their attempts.
    public func deliveries(_ query: DeliveryQuery, page: PageRequest, enterprise: String) throws(SimError) -> Page<Delivery> {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).deliveries.list(query, page: page) }
    }

    /// One push and its attempts.
    public func delivery(_ eventId: String, enterprise: String) throws(SimError) -> Delivery {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            guard let delivery = try world.tenant(enterprise).deliveries.delivery(eventId) else {
                throw .notFound("Delivery", field: "eventId")
            }
            return delivery
        }
    }

    /// Starts a fresh attempt of a push now (same event, same id), whatever became of it, to the
    /// webhook configured now for its kind and account (the one it was sent to when there is none).
    public func redeliver(_ eventId: String, enterprise: String) throws(SimError) -> Delivery {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.redeliver(eventId, at: now)
            }
        }
    }

    /// Enables or disables a SIM's APN (optionally renaming it): logged, and pushed as `SIM_APN_STATUS_CHANGE`.
    public func setAPNStatus(_ status: APNStatus, apnName: String?, giccid: String, enterprise: String) throws(SimError) -> SIM {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.setAPNStatus(ofSIM: giccid, to: status, apnName: apnName, at: now, source: .api).asOf(now)
            }
        }
    }
}
