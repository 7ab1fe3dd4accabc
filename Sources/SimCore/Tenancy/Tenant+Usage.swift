extension Tenant {
    /// Records a data session of a SIM: counts it toward the SIM's cycle (and through its basic
    /// plan its share pool), the order in use (its first ACTIVE supplementary order, else its
    /// prepaid basic plan's ACTIVE term) and the country statistics;
    /// activates an ACTIVATION_READY SIM on its first session; logs and pushes an IMEI change
    /// (another TAC and serial number; an IMEISV is kept as the IMEI of its device).
    /// Returns the SIM afterwards.
    /// - Throws: `notFound` for an unknown SIM; `illegal_status` for a DEACTIVATED or RETIRED SIM;
    ///   `invalid` for a bad field or an MCC of no known country.
    mutating func recordSession(
        _ session: DataSession, ofSIM giccid: String, now: Timestamp
    )
        throws(SimError) -> SIM
    {
        let before = try sim(giccid)
        var issues = session.problems(now: now)
        let countryCode = countryCodeByMCC[session.mcc]
        if countryCode == nil, session.mcc.count == 3 {
            issues.append(.init(resource: "Session", field: "mcc", code: .invalid, message: "no country has MCC \(session.mcc)"))
        }
        guard issues.isEmpty, let countryCode else { throw SimError(.rejected, issues) }
        guard before.status != .deactivated, before.status != .retired else {
            throw .rejected(
                "SIM", field: "status", code: .illegalStatus,
                message: "SIM status is \(before.status.rawValue); a DEACTIVATED or RETIRED SIM gets no data session")
        }
        // The session ended at `time`; the platform learns of it, and reacts, now.
        let time = session.time ?? now
        if before.status == .activationReady { _ = try apply(.firstDataSession, toSIM: giccid, at: now, source: .system) }
        let previousIMEI = before.imei
        let reportedIMEI = session.imei.map(DataSession.imei(of:))
        _ = try sims.update(iccid: giccid) { sim throws(SimError) in
            sim = sim.asOf(time)
            sim.cycleDataUsageBytes = sim.cycleDataUsageBytes.addingSaturated(session.bytes)
            if sim.status == .testReady { sim.testDataUsedBytes = sim.testDataUsedBytes.addingSaturated(session.bytes) }
            if let slot = OrderSlot.inUse(on: sim) { sim[slot].usedBytes = sim[slot].usedBytes.addingSaturated(session.bytes) }
            sim.lastSessionTime = max(sim.lastSessionTime ?? time, time)
            sim.lastCountryCode = countryCode
            if let reportedIMEI { sim.imei = reportedIMEI }
        }
        countryStatistics.recordData(session.bytes, giccid: giccid, countryCode: countryCode, mcc: session.mcc, cycleName: time.cycleName)
        if let imei = reportedIMEI, previousIMEI.map(DataSession.device(ofIMEI:)) != DataSession.device(ofIMEI: imei) {
            changeLog.append(ChangeLogEntry(giccid: giccid, type: .imei, before: previousIMEI, after: imei, time: now, source: .system))
            if previousIMEI != nil { emitPush(IMEIChangePush(previousIMEI: previousIMEI, currentIMEI: imei), sim: try sim(giccid), at: now) }
        }
        applyUsageRules(toSIM: giccid, at: now)
        if silenceChecksPending.insert(giccid).inserted {
            schedule(.noSessionCheck(giccid: giccid, sessionTime: time), at: time.adding(settings.noSessionAlert))
        }
        return try sim(giccid)
    }
}
