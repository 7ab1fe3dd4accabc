import SimCore

extension SeedValidator {
    /// Checks the SIMs of an enterprise: identifiers, uniqueness, references to the catalog, fields and times.
    mutating func checkSIMs(of enterprise: EnterpriseEntry, at enterprisePath: String, catalog: EnterpriseCatalog) {
        var iccidPaths: [String: String] = [:]
        var imsiPaths: [String: String] = [:]
        var msisdnPaths: [String: String] = [:]
        for (index, sim) in enterprise.sims.enumerated() {
            let path = SeedPath.appending(index: index, to: SeedPath.appending("sims", to: enterprisePath))
            checkIdentifiers(of: sim, at: path)
            checkUnique(sim.iccid, key: "iccid", label: "ICCID", of: path, sim.location, firstPaths: &iccidPaths)
            checkUnique(sim.imsi, key: "imsi", label: "IMSI", of: path, sim.location, firstPaths: &imsiPaths)
            checkUnique(sim.msisdn, key: "msisdn", label: "MSISDN", of: path, sim.location, firstPaths: &msisdnPaths)
            checkReferences(of: sim, at: path, catalog: catalog)
            for (fieldIndex, fieldName) in CustomFields.fieldNames.enumerated() {
                if let value = sim.customFields[fieldIndex], value.unicodeScalars.count > CustomFields.maximumLength {
                    report(path, key: fieldName, "at most \(CustomFields.maximumLength) characters, got \(value.count)", sim.location)
                }
            }
            checkTime(sim.createdTime, key: "createdTime", of: path, sim.location)
            checkTime(sim.activatedTime, key: "activatedTime", of: path, sim.location)
            checkTime(sim.lastStatusChangeTime, key: "lastStatusChangeTime", of: path, sim.location)
        }
    }

    /// ICCID, IMSI, MSISDN, IMEI and EID formats.
    private mutating func checkIdentifiers(of sim: SIMEntry, at path: String) {
        if let problem = SIMIdentifierRules.problem(withICCID: sim.iccid) {
            report(path, key: "iccid", Self.identifierMessage(sim.iccid, problem), sim.location)
        }
        if let problem = SIMIdentifierRules.problem(withIMSI: sim.imsi) {
            report(path, key: "imsi", Self.identifierMessage(sim.imsi, problem), sim.location)
        }
        if let problem = SIMIdentifierRules.problem(withMSISDN: sim.msisdn) {
            report(path, key: "msisdn", Self.identifierMessage(sim.msisdn, problem), sim.location)
        }
        if let imei = sim.imei, let problem = SIMIdentifierRules.problem(withIMEI: imei) {
            report(path, key: "imei", Self.identifierMessage(imei, problem), sim.location)
        }
        if let eid = sim.eid, let problem = SIMIdentifierRules.problem(withEID: eid) {
            report(path, key: "eid", "'\(eid)' is not an EID: \(problem)", sim.location)
        }
    }

    /// "'8944…' fails the Luhn check (the last digit …)" for a bad check digit, else "'x' is not valid: reason".
    private static func identifierMessage(_ value: String, _ problem: String) -> String {
        problem.contains("Luhn") ? "'\(value)' fails the Luhn check (\(problem))" : "'\(value)' is not valid: \(problem)"
    }

    /// Refuses a value already used by another SIM of the enterprise.
    private mutating func checkUnique(
        _ value: String, key: String, label: String, of path: String, _ location: EntryLocation, firstPaths: inout [String: String]
    ) {
        if let first = firstPaths[value] {
            report(path, key: key, "duplicate \(label) '\(value)': already used by \(first)", location)
        } else {
            firstPaths[value] = path
        }
    }

    /// The account exists, the SKU is one of its SKUs and the basic package is a BASIC package of it.
    private mutating func checkReferences(of sim: SIMEntry, at path: String, catalog: EnterpriseCatalog) {
        guard let account = catalog.accounts[sim.accountName] else {
            let known = catalog.accountNames.map { "'\($0)'" }.joined(separator: ", ")
            report(path, key: "accountName", "no account named '\(sim.accountName)' in this enterprise (accounts: \(known))", sim.location)
            return
        }
        if let sku = sim.simSku, !account.simSkus.contains(sku) {
            let known = account.simSkus.map { "'\($0)'" }.joined(separator: ", ")
            report(path, key: "simSku", "'\(sku)' is not one of the simSkus of account '\(account.name)' (\(known))", sim.location)
        }
        guard let packageName = sim.basicServicePackageName else { return }
        guard let (package, owner) = catalog.packages[packageName] else {
            report(path, key: "basicServicePackageName", "no service package named '\(packageName)' in this enterprise", sim.location)
            return
        }
        if owner != account.name {
            report(
                path, key: "basicServicePackageName",
                "'\(packageName)' is a service package of account '\(owner)', not of '\(account.name)'", sim.location)
        } else if package.kind != .basic {
            report(
                path, key: "basicServicePackageName",
                "'\(packageName)' is a \(package.kind.rawValue) package; basicServicePackageName names a BASIC package", sim.location)
        }
    }
}
