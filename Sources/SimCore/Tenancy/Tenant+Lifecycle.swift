extension Tenant {
    /// Moves one SIM through the state machine, records the change and returns the SIM after it.
    ///
    /// The one path for every status change: single calls, batch tasks and automatic rules. A SIM
    /// that becomes ACTIVATED on a prepaid basic plan starts a term of it. A change asked by a
    /// client fails first when a fault forces it to.
    mutating func apply(
        _ action: SIMAction, toSIM giccid: String, at time: Timestamp, source: ChangeSource, jobId: String? = nil
    )
        throws(SimError) -> SIM
    {
        guard sims.containsICCID(giccid) else { throw .notFound("SIM", field: "giccid") }
        if source != .system, let operation = FaultOperation(action) { try failIfForced(operation, giccid: giccid) }
        let change = try sims.update(iccid: giccid) { sim throws(SimError) -> (SIMStatus, SIM) in
            let before = sim.status
            sim.status = try SIMLifecycle.transition(from: before, action: action)
            sim.lastStatusChangeTime = time
            if sim.status == .activated, sim.activatedTime == nil { sim.activatedTime = time }
            return (before, sim)
        }
        guard let (before, sim) = change else { throw .notFound("SIM", field: "giccid") }
        changeLog.append(
            ChangeLogEntry(giccid: giccid, type: .status, before: before.rawValue, after: sim.status.rawValue, time: time, source: source))
        emitPush(SIMStatusChangePush(previousStatus: before, currentStatus: sim.status, source: source, jobId: jobId), sim: sim, at: time)
        guard sim.status == .activated else { return sim }
        startBasicTermIfNeeded(ofSIM: giccid, from: time, at: time)
        return try self.sim(giccid)
    }
}
