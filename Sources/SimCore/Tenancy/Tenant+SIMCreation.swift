extension Tenant {
    /// Validates a whole creation request, then adds every SIM of it — or none, if anything is wrong.
    mutating func createSIMs(_ request: SIMCreationRequest, at now: Timestamp) throws(SimError) -> [SIM] {
        guard let account = accounts[request.accountName] else {
            throw .rejected("Account", field: "accountName", code: .missing, message: "no account named '\(request.accountName)'")
        }
        let total = request.templates.count + request.generatedCount
        guard request.generatedCount >= 0, (1...SIMCreationRequest.maximumCount).contains(total) else {
            throw .rejected(
                "SIM", field: "count", code: .invalid, message: "between 1 and \(SIMCreationRequest.maximumCount) SIMs per request")
        }
        var issues: [SimError.Issue] = []
        let defaultPackage = defaultBasicPackage(request, account: account, issues: &issues)
        var claimed = ClaimedIdentifiers()
        // Every template is checked (claiming its given identifiers) before any identifier is generated, so a
        // refused request leaves the id sequence untouched and a generated id never takes one a later template gives.
        for (index, template) in request.templates.enumerated() {
            issues += problems(with: template, field: "sims[\(index)]", account: account, claimed: &claimed)
        }
        guard issues.isEmpty else { throw SimError(.rejected, issues) }
        var created: [SIM] = []
        created.reserveCapacity(total)
        for template in request.templates {
            created.append(makeSIM(template, request: request, account: account, defaultPackage: defaultPackage, claimed: &claimed, at: now))
        }
        for _ in 0..<request.generatedCount {
            created.append(makeSIM(SIMTemplate(), request: request, account: account, defaultPackage: defaultPackage, claimed: &claimed, at: now))
        }
        sims.insert(contentsOf: created)
        for sim in created where sim.status == .activated { startBasicTermIfNeeded(ofSIM: sim.giccid, from: now, at: now) }
        return created.map(\.giccid).sorted().compactMap { sims.sim(iccid: $0) }
    }

    private func defaultBasicPackage(_ request: SIMCreationRequest, account: Account, issues: inout [SimError.Issue]) -> ServicePackage? {
        if let name = request.basicServicePackageName {
            if let problem = basicPackageProblem(name, account: account) {
                issues.append(.init(resource: "ServicePackage", field: "basicServicePackageName", code: problem.code, message: problem.message))
            }
            return servicePackages[name]
        }
        return account.servicePackageNames.lazy.compactMap { servicePackages[$0] }.first { $0.kind == .basic }
    }

    private func basicPackageProblem(_ name: String, account: Account) -> (code: SimError.Code, message: String)? {
        guard let package = servicePackages[name], package.accountName == account.name else {
            return (.missing, "account '\(account.name)' has no service package named '\(name)'")
        }
        return package.kind == .basic ? nil : (.invalid, "'\(name)' is a supplementary plan, not a basic one")
    }

    private func problems(with template: SIMTemplate, field: String, account: Account, claimed: inout ClaimedIdentifiers) -> [SimError.Issue] {
        var issues: [SimError.Issue] = []
        func add(_ name: String, _ code: SimError.Code, _ message: String) {
            issues.append(.init(resource: "SIM", field: "\(field).\(name)", code: code, message: message))
        }
        if let iccid = template.iccid {
            if let problem = SIMIdentifierRules.problem(withICCID: iccid) {
                add("iccid", .invalid, problem)
            } else if sims.containsICCID(iccid) || !claimed.iccids.insert(iccid).inserted {
                add("iccid", .alreadyExists, "ICCID \(iccid) is already used")
            }
        }
        if let imsi = template.imsi {
            if let problem = SIMIdentifierRules.problem(withIMSI: imsi) {
                add("imsi", .invalid, problem)
            } else if sims.containsIMSI(imsi) || !claimed.imsis.insert(imsi).inserted {
                add("imsi", .alreadyExists, "IMSI \(imsi) is already used")
            }
        }
        if let msisdn = template.msisdn {
            if let problem = SIMIdentifierRules.problem(withMSISDN: msisdn) {
                add("msisdn", .invalid, problem)
            } else if sims.containsMSISDN(msisdn) || !claimed.msisdns.insert(msisdn).inserted {
                add("msisdn", .alreadyExists, "MSISDN \(msisdn) is already used")
            }
        }
        if let imei = template.imei, let problem = SIMIdentifierRules.problem(withIMEI: imei) { add("imei", .invalid, problem) }
        if let sku = template.simSku, !account.simSkus.contains(sku) {
            add("simSku", .invalid, "account '\(account.name)' has no SIM SKU named '\(sku)'")
        }
        if let name = template.basicServicePackageName, let problem = basicPackageProblem(name, account: account) {
            add("basicServicePackageName", problem.code, problem.message)
        }
        if let apnName = template.apnName, apnName.isEmpty || apnName.unicodeScalars.count > 100 {
            add("apnName", .invalid, "an APN name is 1 to 100 characters")
        }
        for index in 0..<CustomFields.fieldNames.count {
            if let value = template.customFields[index], value.unicodeScalars.count > CustomFields.maximumLength {
                add(CustomFields.fieldNames[index], .invalid, "at most \(CustomFields.maximumLength) characters")
            }
        }
        return issues
    }

    private mutating func makeSIM(
        _ template: SIMTemplate, request: SIMCreationRequest, account: Account, defaultPackage: ServicePackage?,
        claimed: inout ClaimedIdentifiers, at now: Timestamp
    ) -> SIM {
        var factory = identifiers
        let generated = factory.nextSIMIdentity { iccid, imsi, msisdn in
            sims.containsICCID(iccid) || sims.containsIMSI(imsi) || sims.containsMSISDN(msisdn) || claimed.iccids.contains(iccid)
                || claimed.imsis.contains(imsi) || claimed.msisdns.contains(msisdn)
        }
        identifiers = factory
        let identity = (
            iccid: template.iccid ?? generated.iccid, imsi: template.imsi ?? generated.imsi, msisdn: template.msisdn ?? generated.msisdn
        )
        claimed.iccids.insert(identity.iccid)
        claimed.imsis.insert(identity.imsi)
        claimed.msisdns.insert(identity.msisdn)
        let status = template.status ?? request.status ?? .inventory
        let package = template.basicServicePackageName.flatMap { servicePackages[$0] } ?? defaultPackage
        let everActivated = [.activated, .deactivated, .retired].contains(status)
        return SIM(
            iccid: identity.iccid, imsi: identity.imsi, msisdn: identity.msisdn, imei: template.imei, status: status,
            accountName: account.name, simSku: template.simSku ?? account.simSkus.first,
            basicServicePackageName: package?.name, sharePoolName: package?.sharePoolName,
            apnName: template.apnName ?? SIM.defaultAPNName, activatedTime: everActivated ? now : nil, createdTime: now,
            customFields: template.customFields)
    }

    /// Identifiers used by SIMs of the request being validated.
    private struct ClaimedIdentifiers {
        var iccids: Set<String> = []
        var imsis: Set<String> = []
        var msisdns: Set<String> = []
    }
}
