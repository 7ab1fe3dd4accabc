extension Simulator {
    /// Moves a SIM to another basic plan of its account (and to that plan's share pool) and
    /// returns the SIM after the change.
    /// - Throws: `notFound` for an unknown SIM; `illegal_status` for a RETIRED SIM or one a pending
    ///   batch task holds; `missing`, `invalid` or `already_exists` on `servicePackageName` for an
    ///   unknown plan, a supplementary one, one of another account or the SIM's current plan.
    public func changeBasicServicePackage(
        to servicePackageName: String, giccid: String, enterprise: String, source: ChangeSource
    ) throws(SimError) -> SIM {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                _ = try tenant.sim(giccid)
                try tenant.ensureNotHeldByBatchJob(giccid)
                return try tenant.changeBasicServicePackage(ofSIM: giccid, to: servicePackageName, at: now, source: source).asOf(now)
            }
        }
    }

    /// Subscribes a SIM to a supplementary plan of its account, from `effectiveTime` (default
    /// now), and returns the order: ACTIVE when it starts now, PENDING when it starts later.
    ///
    /// ```swift
    /// let order = try simulator.subscribeServicePackage("Prepaid-Addon-500M", effectiveTime: nil, giccid: giccid, enterprise: name)
    /// ```
    /// - Throws: `notFound` for an unknown SIM; see `Tenant.subscribeServicePackage` for the refusals.
    public func subscribeServicePackage(
        _ servicePackageName: String, effectiveTime: Timestamp?, giccid: String, enterprise: String, source: ChangeSource = .api
    ) throws(SimError) -> PackageOrder {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.subscribeServicePackage(servicePackageName, toSIM: giccid, effectiveTime: effectiveTime, at: now, source: source)
            }
        }
    }
}
