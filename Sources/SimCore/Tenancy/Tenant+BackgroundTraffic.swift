extension Tenant {
    /// Turns background traffic on or off (keeping `bytesPerDay` when nil); the first round of
    /// sessions comes one interval after `now`, the last at most ``BackgroundTraffic/maximumSpan`` after it.
    mutating func setBackgroundTraffic(enabled: Bool, bytesPerDay: Int64?, at now: Timestamp) throws(SimError) -> BackgroundTraffic {
        if let bytesPerDay, bytesPerDay < 0 {
            throw .rejected("Traffic", field: "bytesPerDay", code: .invalid, message: "bytesPerDay is 0 or more")
        }
        backgroundTraffic.enabled = enabled
        if let bytesPerDay { backgroundTraffic.bytesPerDay = bytesPerDay }
        // Only "different from before" matters: wrapping round is harmless and never traps.
        backgroundTraffic.generation &+= 1
        backgroundTraffic.until = enabled ? min(now.adding(BackgroundTraffic.maximumSpan), .latest) : nil
        if enabled { scheduleBackgroundTraffic(after: now) }
        return backgroundTraffic
    }

    /// One slice of a round of background traffic: a session on its home network (the MCC and MNC
    /// of its IMSI) for each of the next ``BackgroundTraffic/sliceSize`` ACTIVATED SIMs above the
    /// giccid `after` (from the first when nil), with every usage rule applied; then the rest of
    /// the round at the same time, or, once every SIM had its turn, the next round.
    mutating func generateBackgroundTraffic(generation: Int, after: String?, at time: Timestamp) {
        guard backgroundTraffic.enabled, generation == backgroundTraffic.generation else { return }
        let slice = sims.giccids(withStatus: .activated, after: after, limit: BackgroundTraffic.sliceSize)
        for giccid in slice {
            guard let imsi = sims.sim(iccid: giccid)?.imsi else { continue }
            let mcc = String(imsi.prefix(3))
            guard countryCodeByMCC[mcc] != nil else { continue }
            let session = DataSession(mcc: mcc, mnc: String(imsi.dropFirst(3).prefix(2)), bytes: backgroundTraffic.nextSessionBytes())
            // A SIM deactivated earlier in this round (its package ran out) simply gets no session.
            _ = try? recordSession(session, ofSIM: giccid, now: time)
        }
        if slice.count == BackgroundTraffic.sliceSize, let last = slice.last {
            schedule(.backgroundTrafficSlice(generation: generation, after: last), at: time)
        } else {
            scheduleBackgroundTraffic(after: time)
        }
    }

    /// Asks for the next round, or turns traffic off when that round would come after its end.
    private mutating func scheduleBackgroundTraffic(after time: Timestamp) {
        let next = time.adding(BackgroundTraffic.interval)
        guard let until = backgroundTraffic.until, next <= until else {
            backgroundTraffic.enabled = false
            backgroundTraffic.until = nil
            return
        }
        schedule(.backgroundTraffic(generation: backgroundTraffic.generation), at: next)
    }
}
