/// Change tracking: what a store must write to catch up with the tenant.
extension Tenant {
    /// The tenant without the parts kept as rows of their own.
    var core: Tenant {
        var core = self
        core.sims = SIMStore()
        core.changeLog = ChangeLog()
        core.deliveries = DeliveryLedger()
        core.batchJobs = [:]
        core.mtSMS = [:]
        if let own = ownClock { core.ownClock!.scheduler = Scheduler(pending: [], nextSequence: own.scheduler.upcomingSequence) }
        core.forgetChanges()
        return core
    }

    /// What changed since the last call (everything the first time), and forgets it. The core's own
    /// clock (if any) is read at the wall time `wallMilliseconds` and stored as that reading and
    /// that wall time, so a real own clock reads on after a restart; with nil it is kept as it is.
    mutating func takeChanges(ownClockReadAt wallMilliseconds: Int64?) -> EnterpriseChangeSet {
        let whole = needsWholeSave
        var core = core
        if let wallMilliseconds { core.ownClock = core.ownClock?.fixed(atWallMilliseconds: wallMilliseconds) }
        let iccids = sims.takeChangedICCIDs()
        let log = changeLog.takeNewEntries()
        let changedDeliveries = deliveries.takeChangedDeliveries()
        let changes = EnterpriseChangeSet(
            name: enterprise.name, replacesEnterprise: whole, core: EnterpriseState(core),
            ownClockWallMilliseconds: core.ownClock == nil ? nil : wallMilliseconds,
            ownScheduled: whole ? allOwnWork : ownWorkScheduled, ownRanSequences: whole ? [] : ownWorkRan,
            sims: whole ? sims.allInOrder : iccids.sorted().compactMap { sims.sim(iccid: $0) },
            firstNewLogPosition: whole ? 0 : log.firstPosition, newLogEntries: whole ? changeLog.all : Array(log.entries),
            deliveries: whole ? deliveries.deliveries.enumerated().map { ($0.offset, $0.element) } : changedDeliveries,
            batchJobs: whole ? batchJobs.keys.sorted().map { batchJobs[$0]! } : changedBatchJobIds.sorted().compactMap { batchJobs[$0] },
            sms: whole ? mtSMS.keys.sorted().map { mtSMS[$0]! } : changedSMSIds.sorted().compactMap { mtSMS[$0] })
        changedBatchJobIds = []
        changedSMSIds = []
        ownWorkScheduled = []
        ownWorkRan = []
        needsWholeSave = false
        return changes
    }

    /// Every piece of work pending on ``ownClock``, in sequence order (none without one).
    private var allOwnWork: [ScheduledEntry] {
        guard let own = ownClock else { return [] }
        return own.scheduler.pending.sorted { $0.sequence < $1.sequence }.map {
            ScheduledEntry(sequence: $0.sequence, due: $0.due, work: .tenant(serial: serial, enterprise: enterprise.name, work: $0.work))
        }
    }

    /// Forgets what changed: no store is waiting for it (or the store holds it already).
    mutating func forgetChanges() {
        _ = sims.takeChangedICCIDs()
        _ = changeLog.takeNewEntries()
        _ = deliveries.takeChangedDeliveries()
        changedBatchJobIds = []
        changedSMSIds = []
        ownWorkScheduled = []
        ownWorkRan = []
        needsWholeSave = false
    }
}
