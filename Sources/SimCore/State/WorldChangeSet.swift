/// What a store writes to catch up with the world: the clock and serials as they are now, the
/// work scheduled and run, the enterprises removed, and each changed enterprise's changed parts.
/// Its size follows the change, not the world, except when ``replacesEverything`` is set (the
/// first save, or after a reset, a state import or a snapshot restore).
///
/// ```swift
/// let changes = simulator.takeChanges()
/// if !changes.isEmpty { try await store.write([changes]) }
/// ```
public struct WorldChangeSet: Sendable {
    /// True when the store drops everything it holds before writing this set.
    public var replacesEverything: Bool
    /// The clock's reading when the changes were taken.
    public var now: Timestamp
    /// The wall time (milliseconds since 1970) of that reading, so that a real clock can be read
    /// on after a restart; nil when unknown (the clock then resumes from ``now``).
    public var wallMilliseconds: Int64?
    /// The clock's mode.
    public var clockMode: ClockMode
    /// The clock's scale.
    public var clockScale: Double
    /// The serial the next tenant gets.
    public var nextTenantSerial: UInt64
    /// The sequence number the next scheduled work gets.
    public var nextWorkSequence: UInt64
    /// Work scheduled (all pending work when ``replacesEverything``).
    public var scheduled: [ScheduledEntry]
    /// The sequence numbers of work that ran, so is no longer pending.
    public var ranSequences: [UInt64]
    /// The enterprises removed.
    public var removedEnterprises: [String]
    /// The enterprises changed, with their changed parts.
    public var enterprises: [EnterpriseChangeSet]
    /// True when nothing changed.
    public var isEmpty: Bool
}

/// One piece of pending work, with its due time and the sequence number that orders work due at
/// the same moment.
public struct ScheduledEntry: Sendable, Equatable {
    public var sequence: UInt64
    public var due: Timestamp
    public var work: ScheduledWork

    /// An entry with every field given.
    public init(sequence: UInt64, due: Timestamp, work: ScheduledWork) {
        self.sequence = sequence
        self.due = due
        self.work = work
    }
}

extension WorldState {
    /// The change set that writes this whole state into an empty store, its clock read at the
    /// wall time `wallMilliseconds` (nil when unknown).
    public func wholeChangeSet(wallMilliseconds: Int64?) -> WorldChangeSet {
        let pending = header.scheduler.pending.map { ScheduledEntry(sequence: $0.sequence, due: $0.due, work: $0.work) }
        return WorldChangeSet(
            replacesEverything: true, now: header.now, wallMilliseconds: wallMilliseconds, clockMode: header.clockMode,
            clockScale: header.clockScale, nextTenantSerial: header.nextTenantSerial, nextWorkSequence: header.scheduler.upcomingSequence,
            scheduled: pending.sorted { $0.sequence < $1.sequence }, ranSequences: [], removedEnterprises: [],
            enterprises: tenants.map { tenant in
                var tenant = tenant
                tenant.needsWholeSave = true
                var changes = tenant.takeChanges(ownClockReadAt: nil)
                changes.replacesEnterprise = true
                return changes
            }, isEmpty: false)
    }
}

extension WorldStateHeader {
    /// A header of stored parts: the clock's reading, mode and scale, the pending work and the
    /// next serial and sequence numbers.
    /// - Throws: ``WorldStateError`` when the reading or the scale is out of range.
    public init(
        now: Timestamp, clockMode: ClockMode, clockScale: Double, pending: [ScheduledEntry], nextWorkSequence: UInt64, nextTenantSerial: UInt64
    ) throws(WorldStateError) {
        self.init(
            now: now, clockMode: clockMode, clockScale: clockScale,
            scheduler: Scheduler(pending: pending.map { ($0.due, $0.sequence, $0.work) }, nextSequence: nextWorkSequence),
            nextTenantSerial: nextTenantSerial)
        _ = try checked()
    }
}
