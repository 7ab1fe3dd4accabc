extension Simulator {
    /// One SIM, with its usage as of the current billing cycle.
    public func sim(_ giccid: String, enterprise: String) throws(SimError) -> SIM {
        try withWorld(for: enterprise) { world, now throws(SimError) in try world.tenant(enterprise).sim(giccid).asOf(now) }
    }

    /// A page of the enterprise's SIMs passing `filter`, in giccid order.
    public func sims(_ filter: SIMFilter, page: PageRequest, enterprise: String) throws(SimError) -> Page<SIM> {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            let cycleName = now.cycleName
            var page = try world.tenant(enterprise).sims.list(filter, page: page)
            // In place: most SIMs are already in the current cycle and are not copied again.
            for index in page.items.indices where page.items[index].usageCycleName != cycleName {
                page.items[index] = page.items[index].inCycle(cycleName)
            }
            return page
        }
    }

    /// A page of the enterprise's change log matching `query`, oldest first.
    public func changeLogs(_ query: ChangeLogQuery, page: PageRequest, enterprise: String) throws(SimError) -> Page<ChangeLogEntry> {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).changeLog.entries(matching: query, page: page) }
    }

    /// Changes a SIM's status through the state machine (the single-SIM calls).
    /// - Throws: `illegal_status` when the state machine refuses or a pending batch task holds
    ///   the SIM, `notFound` for an unknown SIM.
    public func perform(_ action: SIMAction, giccid: String, enterprise: String, source: ChangeSource) throws(SimError) -> SIM {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                _ = try tenant.sim(giccid)
                try tenant.ensureNotHeldByBatchJob(giccid)
                return try tenant.apply(action, toSIM: giccid, at: now, source: source).asOf(now)
            }
        }
    }

    /// A SIM's custom fields.
    public func customFields(ofSIM giccid: String, enterprise: String) throws(SimError) -> CustomFields {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).sim(giccid).customFields }
    }

    /// Changes some of a SIM's custom fields; the others stay as they are.
    public func updateCustomFields(ofSIM giccid: String, _ update: CustomFieldsUpdate, enterprise: String) throws(SimError) -> CustomFields {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in try tenant.updateCustomFields(ofSIM: giccid, update) }
        }
    }

    /// Adds SIMs to an account (control API): all of them, or none when anything is invalid.
    public func createSIMs(_ request: SIMCreationRequest, enterprise: String) throws(SimError) -> [SIM] {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.createSIMs(request, at: now).map { $0.asOf(now) }
            }
        }
    }
}
