/// A kind of work the scheduler runs when the simulator clock reaches its due time.
///
/// Work is data, not a closure, so pending work can be inspected and persisted. Each later
/// feature (batch tasks, SMS delivery, push retries, usage rules) adds its case here and its
/// handler in `World.run(_:at:)`.
public enum ScheduledWork: Sendable, Equatable {
    /// Run the next task of a batch job of the tenant with this serial.
    case batchStep(tenantSerial: UInt64, enterprise: String, jobId: String)
    /// See whether a SIM has stayed silent since the session of `sessionTime`.
    case noSessionCheck(tenantSerial: UInt64, enterprise: String, giccid: String, sessionTime: Timestamp)
    /// Attempt to deliver a push of the tenant with this serial.
    case pushAttempt(tenantSerial: UInt64, enterprise: String, eventId: String)
    /// Deliver (or fail) a pending MT SMS of the tenant with this serial.
    case smsDelivery(tenantSerial: UInt64, enterprise: String, smsMsgId: String)
}
