extension World {
    /// The whole world at `now`, enterprises in name order.
    func state(at now: Timestamp) -> WorldState {
        WorldState(
            now: now, clockMode: clock.mode, clockScale: clock.scale, scheduler: scheduler,
            tenants: tenants.values.sorted { $0.enterprise.name < $1.enterprise.name }, nextTenantSerial: nextTenantSerial)
    }

    /// Replaces the whole world with `state` (the loaded seed stays the one `reset` returns to);
    /// the clock resumes from the state's reading. Push attempts that were in flight are made
    /// again at once, since their answers were never recorded.
    mutating func load(_ state: WorldState, wallMilliseconds: Int64) {
        clock = SimClock(start: state.now, mode: state.clockMode, scale: state.clockScale, wallMilliseconds: wallMilliseconds)
        scheduler = state.scheduler
        readyDeliveries = []
        tenants = [:]
        tenantNameByAPIKey = [:]
        nextTenantSerial = state.nextTenantSerial
        for var tenant in state.tenants {
            tenant.countryCodeByMCC = seed.countryCodeByMCC
            for eventId in tenant.deliveries.resumeAttemptsInFlight(at: state.now) { tenant.schedule(.pushAttempt(eventId: eventId), at: state.now) }
            add(tenant)
        }
    }
}
