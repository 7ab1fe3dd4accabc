/// What a tenant read from a state document or snapshot must satisfy before it replaces the world:
/// its SIMs' identifiers have their shapes, every name it refers to resolves, and its numbers are in
/// their documented ranges (``NumberRanges``).
extension Tenant {
    /// The most problems named when a tenant is refused.
    static let problemsNamed = 5

    /// Up to ``problemsNamed`` contradictions within the tenant, for people; empty when there are none.
    func consistencyProblems() -> [String] {
        var problems: [String] = []
        func note(_ problem: String) -> Bool {
            problems.append(problem)
            return problems.count < Self.problemsNamed
        }
        for problem in settings.rangeProblems where !note(problem) { return problems }
        for (name, package) in servicePackages {
            if package.name != name, !note("service package '\(name)' is named '\(package.name)'") { return problems }
            if accounts[package.accountName] == nil, !note("service package '\(name)' belongs to unknown account '\(package.accountName)'") {
                return problems
            }
            if let pool = package.sharePoolName, sharePools[pool] == nil, !note("service package '\(name)' draws from unknown share pool '\(pool)'") {
                return problems
            }
            if let days = package.validityDays, !NumberRanges.validityDays.contains(days),
                !note(
                    "service package '\(name)' has validityDays \(days), not \(NumberRanges.validityDays.lowerBound) to \(NumberRanges.validityDays.upperBound)"
                )
            {
                return problems
            }
        }
        for (name, pool) in sharePools {
            if pool.name != name, !note("share pool '\(name)' is named '\(pool.name)'") { return problems }
            if accounts[pool.accountName] == nil, !note("share pool '\(name)' belongs to unknown account '\(pool.accountName)'") { return problems }
        }
        if backgroundTraffic.bytesPerDay < 0, !note("backgroundTraffic.bytesPerDay is \(backgroundTraffic.bytesPerDay), not 0 or more") {
            return problems
        }
        for sim in sims.allInOrder {
            for problem in simProblems(of: sim) where !note("SIM \(sim.iccid.prefix(24)): \(problem)") { return problems }
        }
        return problems
    }

    /// What is wrong with one SIM: its identifiers' shapes and the names it refers to.
    private func simProblems(of sim: SIM) -> [String] {
        var problems: [String] = []
        if let problem = SIMIdentifierRules.problem(withICCID: sim.iccid) { problems.append("iccid: \(problem)") }
        if let problem = SIMIdentifierRules.problem(withIMSI: sim.imsi) { problems.append("imsi: \(problem)") }
        if let problem = SIMIdentifierRules.problem(withMSISDN: sim.msisdn) { problems.append("msisdn: \(problem)") }
        if let imei = sim.imei, let problem = SIMIdentifierRules.problem(withIMEI: imei) { problems.append("imei: \(problem)") }
        if let eid = sim.eid, let problem = SIMIdentifierRules.problem(withEID: eid) { problems.append("eid: \(problem)") }
        if accounts[sim.accountName] == nil { problems.append("unknown account '\(sim.accountName)'") }
        if let name = sim.basicServicePackageName, servicePackages[name] == nil { problems.append("unknown service package '\(name)'") }
        if let name = sim.sharePoolName, sharePools[name] == nil { problems.append("unknown share pool '\(name)'") }
        let orders = sim.supplementaryOrders + (sim.basicPackageOrder.map { [$0] } ?? [])
        for order in orders where servicePackages[order.servicePackageName] == nil {
            problems.append("order \(order.orderId) of unknown service package '\(order.servicePackageName)'")
        }
        return problems
    }
}
