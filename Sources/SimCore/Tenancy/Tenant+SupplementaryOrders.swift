extension Tenant {
    /// Subscribes a SIM to a supplementary plan of its account from `effectiveTime` (default
    /// `now`), records a SERVICE_PACKAGE change (before nil, after the plan name) and returns the
    /// new order.
    ///
    /// The checks, in order: the SIM exists (`notFound`); the plan exists (`missing`), is
    /// supplementary and belongs to the SIM's account (`invalid`); `effectiveTime` is not before
    /// `now`, compared to the second (`invalid`); the SIM is not RETIRED (`illegal_status`); the
    /// SIM has no ACTIVE or PENDING order of the plan as of `now` (`already_exists`).
    mutating func subscribeServicePackage(
        _ name: String, toSIM giccid: String, effectiveTime: Timestamp?, at now: Timestamp, source: ChangeSource
    )
        throws(SimError) -> PackageOrder
    {
        let sim = try sim(giccid)
        let package = try supplementaryServicePackage(named: name)
        guard package.accountName == sim.accountName else {
            throw .rejected(
                "ServicePackage", field: "servicePackageName", code: .invalid,
                message: "service package '\(name)' is not available to account '\(sim.accountName)'")
        }
        let startTime = effectiveTime ?? now
        // Times on the wire have whole seconds, so "now" to a caller is the current second.
        if let effectiveTime, effectiveTime.secondsSinceEpoch < now.secondsSinceEpoch {
            throw .rejected(
                "ServicePackage", field: "effectiveTime", code: .invalid,
                message: "effectiveTime must not be before the current time \(now.smarthubString)")
        }
        let expireTime = package.validityDays.map { startTime.adding(.days(Int64($0))) }
        guard startTime <= .latest, (expireTime ?? startTime) <= .latest else {
            throw .rejected(
                "ServicePackage", field: "effectiveTime", code: .invalid,
                message: "the order would end after \(Timestamp.latest.smarthubString)")
        }
        guard sim.status != .retired else {
            throw .rejected(
                "SIM", field: "status", code: .illegalStatus,
                message: "Illegal SIM state, current SIM state cannot subscribe to a service package")
        }
        let current = sim.supplementaryOrders.first { $0.servicePackageName == name && $0.isCurrent }
        if let current {
            throw .rejected(
                "ServicePackage", field: "servicePackageName", code: .alreadyExists,
                message: "the SIM already has a \(current.status.rawValue) order \(current.orderId) of '\(name)'")
        }
        guard let order = makeOrder(of: package, from: startTime, now: now, giccid: giccid) else {
            preconditionFailure("an order within the writable time range was refused")
        }
        _ = try sims.update(iccid: giccid) { sim throws(SimError) in sim.supplementaryOrders.append(order) }
        changeLog.append(ChangeLogEntry(giccid: giccid, type: .servicePackage, before: nil, after: name, time: now, source: source))
        return order
    }
}
