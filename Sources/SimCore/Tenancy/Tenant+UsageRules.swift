extension Tenant {
    /// What the platform does when a SIM's usage grows: a TEST_READY SIM that used up its test
    /// quota moves to ACTIVATION_READY; each cycle threshold of the basic plan's quota is pushed
    /// once per cycle; each traffic threshold of the order in use is pushed once, and an order
    /// whose quota is used up is EXHAUSTED (a basic plan's term that runs out then ends as at
    /// its expiry: renewed, or the SIM deactivated).
    mutating func applyUsageRules(toSIM giccid: String, at time: Timestamp) {
        guard let sim = sims.sim(iccid: giccid)?.asOf(time) else { return }
        if sim.status == .testReady, sim.testDataUsedBytes >= settings.testQuotaBytes {
            _ = try? apply(.testQuotaUsedUp, toSIM: giccid, at: time, source: .system)
        }
        if let quota = sim.basicServicePackageName.flatMap({ servicePackages[$0]?.dataQuotaBytes }), quota > 0 {
            let reached = Self.newlyReached(
                settings.cycleUsageThresholdPercents, used: sim.cycleDataUsageBytes, quota: quota, pushed: sim.cycleThresholdsPushed)
            if !reached.isEmpty {
                _ = try? sims.update(iccid: giccid) { stored throws(SimError) in
                    stored = stored.asOf(time)
                    stored.cycleThresholdsPushed += reached
                }
                for percent in reached {
                    emitPush(
                        CycleUsageTrackingPush(
                            cycleName: time.cycleName, thresholdPercent: percent, usedBytes: sim.cycleDataUsageBytes, quotaBytes: quota),
                        sim: sim, at: time)
                }
            }
        }
        guard let slot = OrderSlot.inUse(on: sim), let quota = sim[slot].quotaBytes, quota > 0 else { return }
        let order = sim[slot]
        let reached = Self.newlyReached(settings.prepaidTrafficThresholdPercents, used: order.usedBytes, quota: quota, pushed: order.thresholdsPushed)
        let exhausted = order.usedBytes >= quota
        guard !reached.isEmpty || exhausted else { return }
        _ = try? sims.update(iccid: giccid) { stored throws(SimError) in
            stored[slot].thresholdsPushed += reached
            if exhausted { stored[slot].status = .exhausted }
        }
        for percent in reached {
            emitPush(
                PrepaidPackageTrafficTrackingPush(
                    orderId: order.orderId, servicePackageName: order.servicePackageName, thresholdPercent: percent, usedBytes: order.usedBytes,
                    quotaBytes: quota),
                sim: sim, at: time)
        }
        if exhausted, slot == .basic { endPrepaidPackage(in: slot, ofSIM: giccid, renewingFrom: time, at: time) }
    }

    /// Pushes `NO_SESSION_CONNECTION` when an ACTIVATED SIM has had no session since the one of
    /// `sessionTime`; when it has had a later one, checks again that long after it. A SIM has at
    /// most one check pending, and a session re-arms it, so the push goes out once per silence.
    mutating func checkSilence(ofSIM giccid: String, sinceSessionAt sessionTime: Timestamp, at time: Timestamp) {
        silenceChecksPending.remove(giccid)
        guard let sim = sims.sim(iccid: giccid), let lastSessionTime = sim.lastSessionTime else { return }
        if lastSessionTime > sessionTime {
            silenceChecksPending.insert(giccid)
            schedule(.noSessionCheck(giccid: giccid, sessionTime: lastSessionTime), at: lastSessionTime.adding(settings.noSessionAlert))
            return
        }
        guard sim.status == .activated else { return }
        let silentHours = time.duration(since: sessionTime).milliseconds / 3_600_000
        emitPush(NoSessionConnectionPush(lastSessionTime: sessionTime, silentHours: silentHours), sim: sim, at: time)
    }

    /// The thresholds (ascending) that `used` reaches and that were not pushed yet.
    static func newlyReached(_ thresholds: [Int], used: Int64, quota: Int64, pushed: [Int]) -> [Int] {
        Set(thresholds).sorted().filter { percent in
            !pushed.contains(percent) && Double(used) * 100 >= Double(quota) * Double(percent)
        }
    }
}
