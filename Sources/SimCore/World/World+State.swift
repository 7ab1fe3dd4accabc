extension World {
    /// The whole world at `now` (the wall clock reading `wallMilliseconds`), enterprises in name order.
    func state(at now: Timestamp, wallMilliseconds: Int64) -> WorldState {
        // The world always holds a consistent set of tenants, so its parts always make a state.
        try! WorldState(header: header(at: now), enterprises: tenants.values.map { enterpriseState($0, wallMilliseconds: wallMilliseconds) })
    }

    /// A tenant as a state document holds it: its own clock (if any) read at `wallMilliseconds`.
    private func enterpriseState(_ tenant: Tenant, wallMilliseconds: Int64) -> EnterpriseState {
        var tenant = tenant
        tenant.ownClock = tenant.ownClock?.fixed(atWallMilliseconds: wallMilliseconds)
        return EnterpriseState(tenant)
    }

    /// The clock's reading `now`, the pending work and the serials.
    func header(at now: Timestamp) -> WorldStateHeader {
        WorldStateHeader(now: now, clockMode: clock.mode, clockScale: clock.scale, scheduler: scheduler, nextTenantSerial: nextTenantSerial)
    }

    /// Replaces the whole world with `state` (the loaded seed stays the one `reset` returns to);
    /// the clock resumes from the state's reading. Push attempts that were in flight are made
    /// again at once, since their answers were never recorded. An enterprise's own clock resumes
    /// from its own reading.
    mutating func load(_ state: WorldState, wallMilliseconds: Int64) {
        clock = SimClock(start: state.now, mode: state.header.clockMode, scale: state.header.clockScale, wallMilliseconds: wallMilliseconds)
        removeAllTenants()
        scheduler = state.header.scheduler
        nextTenantSerial = state.header.nextTenantSerial
        for var tenant in state.tenants {
            tenant.ownClock = tenant.ownClock?.resumed(atWallMilliseconds: wallMilliseconds)
            let resumeAt = tenant.ownClock?.clock.anchorReading ?? state.now
            for eventId in tenant.deliveries.resumeAttemptsInFlight(at: resumeAt) { tenant.schedule(.pushAttempt(eventId: eventId), at: resumeAt) }
            add(tenant)
        }
    }
}
