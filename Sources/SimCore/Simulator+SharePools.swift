extension Simulator {
    /// A page of the enterprise's share pools, in name order, each as of now.
    public func sharePools(page: PageRequest, enterprise: String) throws(SimError) -> Page<SharePoolSummary> {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            let tenant = try world.tenant(enterprise)
            let names = Page(slicing: tenant.sharePoolNamesInOrder, request: page)
            var summaries: [SharePoolSummary] = []
            for name in names.items { summaries.append(try tenant.sharePoolSummary(named: name, at: now)) }
            return Page(items: summaries, request: page, total: names.total)
        }
    }

    /// One share pool of the enterprise as of now: quota, use in the current cycle, members per status.
    /// - Throws: `notFound` (`SharePool`, `poolName`) for a pool the enterprise does not have.
    public func sharePool(named name: String, enterprise: String) throws(SimError) -> SharePoolSummary {
        try withWorld(for: enterprise) { world, now throws(SimError) in try world.tenant(enterprise).sharePoolSummary(named: name, at: now) }
    }
}
