/// Work the scheduler runs when the simulator clock reaches its due time.
///
/// Work is data, not a closure, so pending work can be inspected and persisted. It belongs to
/// the tenant with the given serial, so work of a deleted tenant never reaches a new tenant of
/// the same name.
public enum ScheduledWork: Sendable, Equatable, Codable {
    /// Work of one tenant.
    case tenant(serial: UInt64, enterprise: String, work: TenantWork)
}

/// A kind of work one tenant asks to run later. A feature adds its case here and its handling in
/// `Tenant.run(_:at:)`; a tenant asks for work with `Tenant.schedule(_:at:)`.
public enum TenantWork: Sendable, Equatable, Codable {
    /// Run the next task of a batch job.
    case batchStep(jobId: String)
    /// Attempt to deliver a push.
    case pushAttempt(eventId: String)
    /// See whether a SIM has stayed silent since its session that ended at `sessionTime`.
    case noSessionCheck(giccid: String, sessionTime: Timestamp)
    /// Deliver (or fail) an MT SMS.
    case smsDelivery(smsMsgId: String)
    /// Start a PENDING order whose start time has come.
    case packageStart(giccid: String, orderId: String)
    /// Warn that a prepaid package is about to expire.
    case packageExpiryWarning(giccid: String, orderId: String)
    /// End an order whose expiry time has come (and renew it or deactivate the SIM).
    case packageExpiry(giccid: String, orderId: String)
    /// Generate an hour of background traffic; only the current `generation` of the setting runs.
    case backgroundTraffic(generation: Int)
    /// The rest of a round of background traffic: the ACTIVATED SIMs above the giccid `after`,
    /// one slice (``BackgroundTraffic/sliceSize`` SIMs) at a time, so that a large fleet's round
    /// never holds the world for long.
    case backgroundTrafficSlice(generation: Int, after: String)
}
