extension Tenant {
    /// The share pool `name` as of `now`.
    ///
    /// The member count and the counts per status come from the SIM store's pool index without
    /// visiting any SIM; `usedBytes` visits the pool's members (not the other SIMs) to add up
    /// their data use in `now`'s cycle.
    func sharePoolSummary(named name: String, at now: Timestamp) throws(SimError) -> SharePoolSummary {
        guard let pool = sharePools[name] else { throw .notFound("SharePool", field: "poolName") }
        let cycle = now.cycleName
        let usedBytes = sims.members(ofPool: name).reduce(Int64(0)) { total, sim in total + sim.inCycle(cycle).cycleDataUsageBytes }
        return SharePoolSummary(
            pool: pool, usedBytes: usedBytes, memberCount: sims.memberCount(ofPool: name), statusCounts: sims.countByStatus(inPool: name))
    }

    /// The names of the tenant's share pools, in name order.
    var sharePoolNamesInOrder: [String] { sharePools.keys.sorted() }
}
