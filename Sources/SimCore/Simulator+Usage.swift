extension Simulator {
    /// Records a data session the network reports for a SIM (see `Tenant.recordSession`); returns the SIM afterwards.
    public func recordSession(_ session: DataSession, giccid: String, enterprise: String) throws(SimError) -> SIM {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.recordSession(session, ofSIM: giccid, now: now).asOf(now)
            }
        }
    }

    /// A page of the countries whose networks the enterprise's SIMs used in `cycleName` (default
    /// the current cycle), in country-code order.
    public func countryStatistics(
        cycleName: String?, page: PageRequest, enterprise: String
    ) throws(SimError) -> (
        cycleName: String, countries: Page<CountryUsage>
    ) {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            let cycle = cycleName ?? now.cycleName
            return (cycle, Page(slicing: try world.tenant(enterprise).countryStatistics.countries(inCycle: cycle), request: page))
        }
    }
}
