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
        let target = try withWorld(for: owner) { world, now throws(SimError) in
            // The enterprise may have gone while this advance waited its turn.
            guard world.ownClockName(owner) == owner else { throw .notFound("Enterprise", field: "enterpriseName") }
            let target = destination(now)
            try Self.check(target, from: now, field: field)
            world.setAdvancing(true, ownClockOf: owner)
            return target
        }
        while true {
            let batch = readWorld(for: enterprise) { world, _ in
                if let paused = world.runDueWork(upTo: target, ownClockOf: owner, pausingForDeliveries: true),
                    world.clock(ownClockOf: owner).mode == .manual
                {
                    world.setClock(paused, wallMilliseconds: wall, ownClockOf: owner)
                }
                return world.takeReadyDeliveries(ownClockOf: owner)
            }
            if batch.isEmpty { break }
            await deliver(batch)
        }
        return readWorld(for: owner) { world, now in
            world.setAdvancing(false, ownClockOf: owner)
            // A plain advance (PUT /_sim/clock with `now`) may have gone further meanwhile: never back.
            let end = max(target, now)
            world.setClock(end, wallMilliseconds: wall, ownClockOf: owner)
            return end
        }
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
