extension Tenant {
    /// Enables or disables a SIM's APN (and renames it when `apnName` is given), records the
    /// change and pushes `SIM_APN_STATUS_CHANGE`; returns the SIM after it.
    mutating func setAPNStatus(
        ofSIM giccid: String, to status: APNStatus, apnName: String?, at time: Timestamp, source: ChangeSource
    )
        throws(SimError) -> SIM
    {
        if let apnName, apnName.isEmpty || apnName.unicodeScalars.count > 100 {
            throw .rejected("SIM", field: "apnName", code: .invalid, message: "an APN name is 1 to 100 characters")
        }
        let change = try sims.update(iccid: giccid) { sim throws(SimError) -> (APNStatus, SIM) in
            guard sim.status != .retired else {
                throw .rejected(
                    "SIM", field: "status", code: .illegalStatus, message: "Illegal SIM state, current SIM state cannot change its APN status")
            }
            guard sim.apnStatus != status || (apnName != nil && apnName != sim.apnName) else {
                throw .rejected("SIM", field: "apnStatus", code: .alreadyExists, message: "the APN status is already \(status.rawValue)")
            }
            let before = sim.apnStatus
            sim.apnStatus = status
            if let apnName { sim.apnName = apnName }
            return (before, sim)
        }
        guard let (before, sim) = change else { throw .notFound("SIM", field: "giccid") }
        changeLog.append(
            ChangeLogEntry(giccid: giccid, type: .apnStatus, before: before.rawValue, after: status.rawValue, time: time, source: source))
        emitPush(APNStatusChangePush(apnName: sim.apnName, previousStatus: before, currentStatus: status), sim: sim, at: time)
        return sim
    }
}
