/// The life of orders on the clock: a PENDING order starts, a prepaid package is announced
/// `prepaidExpiryWarning` before it expires, and expires; a prepaid package that ends (expired, or
/// for a basic plan's term, used up) renews when the account's `prepaidRenewType` is AUTO, and on
/// DISABLE_CARD the SIM's basic plan term ending deactivates the SIM.
extension Tenant {
    /// The plan named `name` when it is a prepaid package: billed PREPAID, with a validity.
    func prepaidPackage(named name: String?) -> ServicePackage? {
        guard let name, let package = servicePackages[name], package.billingType == .prepaid, package.validityDays != nil else { return nil }
        return package
    }

    /// A new order of `package` for a SIM, from `start` (PENDING when after `now`), with its
    /// start, warning and expiry asked for on the clock (a warning whose time is already past,
    /// as for a seed term, is not sent). Nil when it would end after the last writable time.
    mutating func makeOrder(of package: ServicePackage, from start: Timestamp, now: Timestamp, giccid: String) -> PackageOrder? {
        let expireTime = package.validityDays.map { start.adding(.days(Int64($0))) }
        guard (expireTime ?? start) <= .latest else { return nil }
        let order = PackageOrder(
            orderId: identifiers.nextHexId(), servicePackageName: package.name, startTime: start, expireTime: expireTime, usedBytes: 0,
            quotaBytes: package.dataQuotaBytes, status: start <= now ? .active : .pending)
        if order.status == .pending { schedule(.packageStart(giccid: giccid, orderId: order.orderId), at: start) }
        if let expireTime {
            if package.billingType == .prepaid {
                // A seed term may have passed its warning before the world began: that warning is not sent.
                let warning = max(expireTime.adding(SimDuration(milliseconds: -settings.prepaidExpiryWarning.milliseconds)), start)
                if warning < expireTime, warning >= now { schedule(.packageExpiryWarning(giccid: giccid, orderId: order.orderId), at: warning) }
            }
            schedule(.packageExpiry(giccid: giccid, orderId: order.orderId), at: expireTime)
        }
        return order
    }

    /// Gives an ACTIVATED SIM on a prepaid basic plan a term starting at `start`, unless its
    /// current term is still ACTIVE; removes the term of a SIM whose basic plan is not prepaid.
    mutating func startBasicTermIfNeeded(ofSIM giccid: String, from start: Timestamp, at now: Timestamp) {
        guard let sim = sims.sim(iccid: giccid) else { return }
        guard let package = prepaidPackage(named: sim.basicServicePackageName) else {
            if sim.basicPackageOrder != nil { _ = try? sims.update(iccid: giccid) { stored throws(SimError) in stored.basicPackageOrder = nil } }
            return
        }
        guard sim.status == .activated, sim.basicPackageOrder?.status != .active else { return }
        guard let term = makeOrder(of: package, from: start, now: now, giccid: giccid) else { return }
        _ = try? sims.update(iccid: giccid) { stored throws(SimError) in stored.basicPackageOrder = term }
    }

    /// Gives every ACTIVATED seed SIM on a prepaid basic plan the term it is in at `now`: terms
    /// follow each other from its activation time.
    mutating func startSeedTerms(at now: Timestamp) {
        for sim in sims.allInOrder where sim.status == .activated && sim.basicPackageOrder == nil {
            guard let package = prepaidPackage(named: sim.basicServicePackageName), let days = package.validityDays, days > 0 else { continue }
            let anchor = sim.activatedTime ?? now
            let period = SimDuration.days(Int64(days)).milliseconds
            let elapsed = max(0, now.millisecondsSinceEpoch - anchor.millisecondsSinceEpoch)
            let start = anchor.adding(SimDuration(milliseconds: elapsed / period * period))
            startBasicTermIfNeeded(ofSIM: sim.giccid, from: start, at: now)
        }
    }

    /// A PENDING order whose start has come becomes ACTIVE.
    mutating func startPendingOrder(_ orderId: String, ofSIM giccid: String, at time: Timestamp) {
        _ = try? sims.update(iccid: giccid) { sim throws(SimError) in
            guard let slot = OrderSlot.of(orderId, on: sim), sim[slot].status == .pending else { return }
            sim[slot].status = .active
        }
    }

    /// Pushes `PREPAID_PACKAGE_EXPIRED` (ABOUT_TO_EXPIRE) for an order still ACTIVE.
    mutating func warnOfExpiry(ofOrder orderId: String, ofSIM giccid: String, at time: Timestamp) {
        guard let sim = sims.sim(iccid: giccid), sim.status != .retired, let slot = OrderSlot.of(orderId, on: sim) else { return }
        let order = sim[slot]
        guard order.status == .active, let expireTime = order.expireTime else { return }
        emitPush(
            PrepaidPackageExpiredPush(orderId: orderId, servicePackageName: order.servicePackageName, phase: .aboutToExpire, expireTime: expireTime),
            sim: sim, at: time)
    }

    /// An order whose expiry has come ends: an ACTIVE one becomes EXPIRED (a used-up one stays
    /// EXHAUSTED). A prepaid package is pushed as EXPIRED, then renewed or, for a basic plan's
    /// term, ends the card (see ``endPrepaidPackage(in:ofSIM:renewingFrom:at:)``).
    mutating func expireOrder(_ orderId: String, ofSIM giccid: String, at time: Timestamp) {
        guard let sim = sims.sim(iccid: giccid), let slot = OrderSlot.of(orderId, on: sim) else { return }
        let order = sim[slot]
        guard order.status == .active || order.status == .exhausted, let expireTime = order.expireTime else { return }
        _ = try? sims.update(iccid: giccid) { stored throws(SimError) in
            if stored[slot].status == .active { stored[slot].status = .expired }
        }
        guard prepaidPackage(named: order.servicePackageName) != nil, sim.status != .retired else { return }
        emitPush(
            PrepaidPackageExpiredPush(orderId: orderId, servicePackageName: order.servicePackageName, phase: .expired, expireTime: expireTime),
            sim: sim, at: time)
        // A used-up basic term was dealt with when it ran out.
        guard order.status == .active else { return }
        endPrepaidPackage(in: slot, ofSIM: giccid, renewingFrom: expireTime, at: time)
    }

    /// What follows the end of a prepaid package of an ACTIVATED SIM, by the account's
    /// `prepaidRenewType`: AUTO renews it from `start` (a new order of the same plan); DISABLE_CARD
    /// deactivates the SIM when the package was its basic plan's term (an add-on just ends).
    mutating func endPrepaidPackage(in slot: OrderSlot, ofSIM giccid: String, renewingFrom start: Timestamp, at time: Timestamp) {
        guard let sim = sims.sim(iccid: giccid), sim.status == .activated,
            let package = prepaidPackage(named: sim[slot].servicePackageName),
            let renewType = accounts[sim.accountName]?.prepaidRenewType
        else { return }
        switch (renewType, slot) {
        case (.auto, .basic):
            guard let term = makeOrder(of: package, from: start, now: time, giccid: giccid) else { return }
            _ = try? sims.update(iccid: giccid) { stored throws(SimError) in stored.basicPackageOrder = term }
        case (.auto, .supplementary):
            guard !sim.supplementaryOrders.contains(where: { $0.servicePackageName == package.name && $0.isCurrent }),
                let renewal = makeOrder(of: package, from: start, now: time, giccid: giccid)
            else { return }
            _ = try? sims.update(iccid: giccid) { stored throws(SimError) in stored.supplementaryOrders.append(renewal) }
        case (.disableCard, .basic):
            _ = try? apply(.prepaidPackageEnded, toSIM: giccid, at: time, source: .system)
        case (.disableCard, .supplementary):
            return
        }
    }
}
