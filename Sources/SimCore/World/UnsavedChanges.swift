/// What changed in a world since a store last took its changes: the tenants touched or removed,
/// the work scheduled or run, whether the clock moved, or that everything was replaced (a reset,
/// a loaded state). Recording is cheap and proportional to the change; nothing is recorded until
/// a store asks for tracking.
struct UnsavedChanges: Sendable {
    /// True once a store takes changes; until then only ``everything`` is kept.
    var isTracking = false
    /// True when the whole world must be written (the first save, or after it was replaced).
    private(set) var everything = true
    /// The tenants that may have changed, by name.
    private(set) var tenants: Set<String> = []
    /// The tenants removed, by name.
    private(set) var removedTenants: Set<String> = []
    /// The work scheduled, in the order it was scheduled.
    private(set) var scheduled: [(sequence: UInt64, due: Timestamp, work: ScheduledWork)] = []
    /// The sequence numbers of the work run (so no longer pending).
    private(set) var ran: [UInt64] = []
    /// True when the clock was set or reconfigured.
    var clockChanged = false

    /// True when there is nothing to save.
    var isEmpty: Bool { !everything && tenants.isEmpty && removedTenants.isEmpty && scheduled.isEmpty && ran.isEmpty && !clockChanged }

    /// The whole world was replaced: it is saved whole next time.
    mutating func replaceEverything() {
        self = UnsavedChanges(isTracking: isTracking)
    }

    /// The tenant `name` may have changed.
    mutating func noteChanged(_ name: String) {
        guard isTracking, !everything else { return }
        tenants.insert(name)
        removedTenants.remove(name)
    }

    /// The tenant `name` was removed.
    mutating func noteRemoved(_ name: String) {
        guard isTracking, !everything else { return }
        tenants.remove(name)
        removedTenants.insert(name)
    }

    /// Work was scheduled.
    mutating func noteScheduled(sequence: UInt64, due: Timestamp, work: ScheduledWork) {
        guard isTracking, !everything else { return }
        scheduled.append((sequence, due, work))
    }

    /// Work was taken off the scheduler to run.
    mutating func noteRan(sequence: UInt64) {
        guard isTracking, !everything else { return }
        ran.append(sequence)
    }

    private init(isTracking: Bool) { self.isTracking = isTracking }

    /// Nothing recorded yet; the first save writes everything.
    init() {}

    /// After a store took the changes: nothing is unsaved.
    mutating func clear() {
        everything = false
        tenants = []
        removedTenants = []
        scheduled = []
        ran = []
        clockChanged = false
    }
}
