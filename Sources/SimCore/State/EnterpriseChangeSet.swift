/// What changed in one enterprise since a store last took its changes: its core (everything but
/// the parts kept as rows, always whole: it is small), and the rows of its SIMs, change log,
/// deliveries, batch jobs and SMS that were added or changed.
public struct EnterpriseChangeSet: Sendable {
    /// The enterprise's name.
    public var name: String
    /// True when the store drops what it holds of the enterprise first (a new or re-created one).
    public var replacesEnterprise: Bool
    /// The enterprise without its SIMs, change log, deliveries, batch jobs, SMS and the work pending
    /// on its own clock (the clock itself is kept, when it has one).
    public var core: EnterpriseState
    /// The wall time (milliseconds since 1970) at which the reading of the core's own clock was
    /// taken, so that a real own clock can be read on after a restart; nil when the enterprise
    /// shares the world clock or the time is unknown (the own clock then resumes from its reading).
    public var ownClockWallMilliseconds: Int64?
    /// The work put on the enterprise's own clock (all of it when ``replacesEnterprise``).
    public var ownScheduled: [ScheduledEntry]
    /// The sequence numbers of the work that ran from the enterprise's own clock, so is no longer pending.
    public var ownRanSequences: [UInt64]
    /// The SIMs added or changed.
    public var sims: [SIM]
    /// The position in the change log of the first of ``newLogEntries``.
    public var firstNewLogPosition: Int
    /// The change-log entries appended.
    public var newLogEntries: [ChangeLogEntry]
    /// The deliveries added or changed, with their positions in the order of pushes.
    public var deliveries: [(position: Int, delivery: Delivery)]
    /// The batch jobs added or changed.
    public var batchJobs: [BatchJob]
    /// The SMS added or changed.
    public var sms: [MTSMS]
}

extension EnterpriseState {
    /// The key of a decoder's `userInfo` that, set to true, reads an enterprise's core (see
    /// ``EnterpriseChangeSet/core``) without checking it against the parts it lacks.
    public static let coreDecodingKey = CodingUserInfoKey(rawValue: "smarthub-sim.enterprise-core")!

    /// An enterprise put together from its core and its rows, in the order they were made
    /// (change-log entries and deliveries oldest first), with `ownPending` the work pending on its
    /// own clock.
    /// - Throws: ``WorldStateError`` when the parts contradict each other.
    public init(
        core: EnterpriseState, sims: [SIM], changeLog: [ChangeLogEntry], deliveries: [Delivery], batchJobs: [BatchJob], sms: [MTSMS],
        ownPending: [ScheduledEntry] = []
    ) throws(WorldStateError) {
        var tenant = core.tenant
        let name = tenant.enterprise.name
        if let own = tenant.ownClock {
            var pending: [(due: Timestamp, sequence: UInt64, work: TenantWork)] = own.scheduler.pending
            for entry in ownPending {
                guard case .tenant(_, let enterprise, let work) = entry.work, enterprise == name, entry.due <= .latest else {
                    throw WorldStateError(message: "enterprise '\(name)': pending work \(entry.sequence) of its own clock is damaged")
                }
                pending.append((entry.due, entry.sequence, work))
            }
            tenant.ownClock!.scheduler = Scheduler(pending: pending, nextSequence: own.scheduler.upcomingSequence)
        } else if !ownPending.isEmpty {
            throw WorldStateError(message: "enterprise '\(name)' has work pending on an own clock it lacks")
        }
        tenant.sims = SIMStore()
        tenant.sims.insert(contentsOf: sims)
        tenant.changeLog = ChangeLog()
        for entry in changeLog { tenant.changeLog.append(entry) }
        tenant.deliveries = DeliveryLedger(deliveries: deliveries)
        tenant.batchJobs = Dictionary(batchJobs.map { ($0.jobId, $0) }, uniquingKeysWith: { _, last in last })
        tenant.mtSMS = Dictionary(sms.map { ($0.smsMsgId, $0) }, uniquingKeysWith: { _, last in last })
        if let problem = tenant.inconsistency() { throw WorldStateError(message: "enterprise '\(tenant.enterprise.name)': \(problem)") }
        self.init(tenant)
    }

    /// The enterprise with its own clock, if real and read at the wall time `savedWallMilliseconds`,
    /// read on to `wallMilliseconds` as a running clock would have gone on meanwhile; unchanged
    /// for a manual or shared clock, or an unknown `savedWallMilliseconds`.
    public func readingOwnClockOn(from savedWallMilliseconds: Int64?, to wallMilliseconds: Int64) -> EnterpriseState {
        guard let savedWallMilliseconds, let own = tenant.ownClock, own.clock.mode == .real else { return self }
        var tenant = tenant
        let reading = SimClock(start: own.clock.anchorReading, mode: .real, scale: own.clock.scale, wallMilliseconds: savedWallMilliseconds)
            .now(wallMilliseconds: wallMilliseconds)
        tenant.ownClock!.clock.set(min(reading, .latest), wallMilliseconds: wallMilliseconds)
        return EnterpriseState(tenant)
    }
}
