extension Tenant {
    /// Moves a SIM to another basic plan of its account (and to that plan's share pool), records
    /// the change and returns the SIM after it. The term of the old plan ends with it; an ACTIVATED
    /// SIM moved to a prepaid plan starts a term of it now.
    mutating func changeBasicServicePackage(
        ofSIM giccid: String, to name: String, at time: Timestamp, source: ChangeSource
    )
        throws(SimError) -> SIM
    {
        let package = try basicServicePackage(named: name)
        guard sims.containsICCID(giccid) else { throw .notFound("SIM", field: "giccid") }
        if source != .system { try failIfForced(.basicServicePackage, giccid: giccid) }
        let change = try sims.update(iccid: giccid) { sim throws(SimError) -> (String?, SIM) in
            guard sim.status != .retired else {
                throw .rejected(
                    "SIM", field: "status", code: .illegalStatus,
                    message: "Illegal SIM state, current SIM state cannot change its basic service package")
            }
            guard package.accountName == sim.accountName else {
                throw .rejected(
                    "ServicePackage", field: "servicePackageName", code: .invalid,
                    message: "service package '\(name)' is not available to account '\(sim.accountName)'")
            }
            guard sim.basicServicePackageName != name else {
                throw .rejected(
                    "ServicePackage", field: "servicePackageName", code: .alreadyExists,
                    message: "the SIM already has basic service package '\(name)'")
            }
            let before = sim.basicServicePackageName
            sim.basicServicePackageName = name
            sim.sharePoolName = package.sharePoolName
            sim.basicPackageOrder = nil
            return (before, sim)
        }
        guard let (before, _) = change else { throw .notFound("SIM", field: "giccid") }
        changeLog.append(ChangeLogEntry(giccid: giccid, type: .servicePackage, before: before, after: name, time: time, source: source))
        startBasicTermIfNeeded(ofSIM: giccid, from: time, at: time)
        return try sim(giccid)
    }

    /// The basic plan of this name, or a refusal naming `servicePackageName`.
    func basicServicePackage(named name: String) throws(SimError) -> ServicePackage {
        try servicePackage(named: name, kind: .basic)
    }

    /// The supplementary plan of this name, or a refusal naming `servicePackageName`.
    func supplementaryServicePackage(named name: String) throws(SimError) -> ServicePackage {
        try servicePackage(named: name, kind: .supplementary)
    }

    /// The plan of this name and kind: `missing` when there is none, `invalid` when it is of the other kind.
    private func servicePackage(named name: String, kind: ServicePackage.Kind) throws(SimError) -> ServicePackage {
        guard let package = servicePackages[name] else {
            throw .rejected("ServicePackage", field: "servicePackageName", code: .missing, message: "no service package named '\(name)'")
        }
        guard package.kind == kind else {
            let (actual, wanted) = kind == .basic ? ("a supplementary", "a basic") : ("a basic", "a supplementary")
            throw .rejected("ServicePackage", field: "servicePackageName", code: .invalid, message: "'\(name)' is \(actual) plan, not \(wanted) one")
        }
        return package
    }
}
