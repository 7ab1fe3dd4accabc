extension World {
    /// The whole world at `now`, enterprises in name order.
    func state(at now: Timestamp) -> WorldState {
        // The world always holds a consistent set of tenants, so its parts always make a state.
        try! WorldState(header: header(at: now), enterprises: tenants.values.map(EnterpriseState.init))
    }

    /// The clock's reading `now`, the pending work and the serials.
    func header(at now: Timestamp) -> WorldStateHeader {
        WorldStateHeader(now: now, clockMode: clock.mode, clockScale: clock.scale, scheduler: scheduler, nextTenantSerial: nextTenantSerial)
    }

    /// What changed since `revision` (everything when nil); nil when nothing did.
    func changes(since revision: UInt64?, at now: Timestamp) -> WorldChanges? {
        if let revision, revision == self.revision { return nil }
        let changed = tenants.values.filter { tenant in revision.map { (tenantRevisions[tenant.enterprise.name] ?? 0) > $0 } ?? true }
        return WorldChanges(
            revision: self.revision, header: header(at: now), changedEnterprises: changed.map(EnterpriseState.init),
            enterpriseNames: Set(tenants.keys))
    }

    /// Replaces the whole world with `state` (the loaded seed stays the one `reset` returns to);
    /// the clock resumes from the state's reading. Push attempts that were in flight are made
    /// again at once, since their answers were never recorded.
    mutating func load(_ state: WorldState, wallMilliseconds: Int64) {
        clock = SimClock(start: state.now, mode: state.header.clockMode, scale: state.header.clockScale, wallMilliseconds: wallMilliseconds)
        removeAllTenants()
        scheduler = state.header.scheduler
        nextTenantSerial = state.header.nextTenantSerial
        for var tenant in state.tenants {
            for eventId in tenant.deliveries.resumeAttemptsInFlight(at: state.now) { tenant.schedule(.pushAttempt(eventId: eventId), at: state.now) }
            add(tenant)
        }
    }
}
