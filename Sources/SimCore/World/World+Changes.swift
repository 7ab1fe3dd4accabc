/// Change tracking: the world hands a store what changed since it last asked.
extension World {
    /// What changed since the last call (everything the first time, and after the world was
    /// replaced), read at `now` on the wall clock's `wallMilliseconds`; from then on changes are tracked.
    mutating func takeChanges(at now: Timestamp, wallMilliseconds: Int64) -> WorldChangeSet {
        unsaved.isTracking = true
        let everything = unsaved.everything
        let isEmpty = unsaved.isEmpty
        let scheduled: [ScheduledEntry]
        let names: [String]
        if everything {
            scheduled = scheduler.pending.map { ScheduledEntry(sequence: $0.sequence, due: $0.due, work: $0.work) }.sorted {
                $0.sequence < $1.sequence
            }
            names = tenants.keys.sorted()
        } else {
            scheduled = unsaved.scheduled.map { ScheduledEntry(sequence: $0.sequence, due: $0.due, work: $0.work) }
            names = unsaved.tenants.sorted().filter { tenants[$0] != nil }
        }
        var enterprises: [EnterpriseChangeSet] = []
        for name in names {
            if everything { tenants[name]!.needsWholeSave = true }
            enterprises.append(tenants[name]!.takeChanges(ownClockReadAt: wallMilliseconds))
        }
        let changes = WorldChangeSet(
            replacesEverything: everything, now: now, wallMilliseconds: wallMilliseconds, clockMode: clock.mode, clockScale: clock.scale,
            nextTenantSerial: nextTenantSerial, nextWorkSequence: scheduler.upcomingSequence, scheduled: scheduled,
            ranSequences: everything ? [] : unsaved.ran, removedEnterprises: everything ? [] : unsaved.removedTenants.sorted(),
            enterprises: enterprises, isEmpty: isEmpty)
        unsaved.clear()
        return changes
    }
}

extension World {
    /// Records that a store holds the world as it is now, and starts tracking changes.
    mutating func markAllSaved() {
        unsaved.isTracking = true
        unsaved.clear()
        for name in tenants.keys { tenants[name]!.forgetChanges() }
    }
}
