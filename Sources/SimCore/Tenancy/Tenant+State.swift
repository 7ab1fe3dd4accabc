/// A tenant in a state document: everything it owns, with every collection in a stable order so
/// that the same tenant always reads the same.
extension Tenant: Codable {
    private enum CodingKeys: String, CodingKey {
        case enterprise, accountNames, accounts, servicePackages, sharePools, sims, changeLog, identifiers, settings, serial
        case batchJobs, batchQueue, batchHolds, webhooks, deliveries, countryStatistics, mtSMS, silenceChecksPending
        case backgroundTraffic, faults
        case ownClock = "clock"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enterprise = try container.decode(Enterprise.self, forKey: .enterprise)
        accountNames = try container.decode([String].self, forKey: .accountNames)
        accounts = try container.decode([String: Account].self, forKey: .accounts)
        servicePackages = try container.decode([String: ServicePackage].self, forKey: .servicePackages)
        sharePools = try container.decode([String: SharePool].self, forKey: .sharePools)
        sims = try container.decode(SIMStore.self, forKey: .sims)
        changeLog = try container.decode(ChangeLog.self, forKey: .changeLog)
        identifiers = try container.decode(IdentifierFactory.self, forKey: .identifiers)
        settings = try container.decode(EnterpriseSettings.self, forKey: .settings)
        serial = try container.decode(UInt64.self, forKey: .serial)
        batchJobs = try container.decode([String: BatchJob].self, forKey: .batchJobs)
        batchQueue = try container.decode([String].self, forKey: .batchQueue)
        batchHolds = try container.decode([String: [String]].self, forKey: .batchHolds)
        webhooks = [:]
        for webhook in try container.decode([WebhookConfiguration].self, forKey: .webhooks) { webhooks[webhook.accountName] = webhook }
        deliveries = try container.decode(DeliveryLedger.self, forKey: .deliveries)
        countryStatistics = try container.decode(CountryStatistics.self, forKey: .countryStatistics)
        mtSMS = try container.decode([String: MTSMS].self, forKey: .mtSMS)
        silenceChecksPending = Set(try container.decode([String].self, forKey: .silenceChecksPending))
        backgroundTraffic = try container.decode(BackgroundTraffic.self, forKey: .backgroundTraffic)
        faults = try container.decode(FaultTable.self, forKey: .faults)
        ownClock = try container.decodeIfPresent(OwnClock.self, forKey: .ownClock)
        try checkConsistency(decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(enterprise, forKey: .enterprise)
        try container.encode(accountNames, forKey: .accountNames)
        try container.encode(accounts, forKey: .accounts)
        try container.encode(servicePackages, forKey: .servicePackages)
        try container.encode(sharePools, forKey: .sharePools)
        try container.encode(sims, forKey: .sims)
        try container.encode(changeLog, forKey: .changeLog)
        try container.encode(identifiers, forKey: .identifiers)
        try container.encode(settings, forKey: .settings)
        try container.encode(serial, forKey: .serial)
        try container.encode(batchJobs, forKey: .batchJobs)
        try container.encode(batchQueue, forKey: .batchQueue)
        try container.encode(batchHolds, forKey: .batchHolds)
        try container.encode(webhooks.values.sorted { ($0.accountName ?? "") < ($1.accountName ?? "") }, forKey: .webhooks)
        try container.encode(deliveries, forKey: .deliveries)
        try container.encode(countryStatistics, forKey: .countryStatistics)
        try container.encode(mtSMS, forKey: .mtSMS)
        try container.encode(silenceChecksPending.sorted(), forKey: .silenceChecksPending)
        try container.encode(backgroundTraffic, forKey: .backgroundTraffic)
        try container.encode(faults, forKey: .faults)
        try container.encodeIfPresent(ownClock, forKey: .ownClock)
    }

    /// Refuses a tenant whose parts contradict each other in ways later steps would trip on.
    private func checkConsistency(_ decoder: any Decoder) throws {
        if decoder.userInfo[EnterpriseState.coreDecodingKey] as? Bool == true { return }
        if let problem = inconsistency() {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "enterprise '\(enterprise.name)': \(problem)"))
        }
    }

    /// What contradicts what among the tenant's parts; nil when nothing does.
    func inconsistency() -> String? {
        for (jobId, job) in batchJobs {
            guard job.jobId == jobId, (0...job.tasks.count).contains(job.nextTaskIndex) else { return "batch job \(jobId) is inconsistent" }
            guard job.status == .finished || job.nextTaskIndex < job.tasks.count else { return "batch job \(jobId) has no task left" }
        }
        if let missing = batchQueue.first(where: { batchJobs[$0]?.status != .processing }) {
            return "queued batch job \(missing) is not processing"
        }
        if let missing = batchHolds.values.joined().first(where: { batchJobs[$0] == nil }) {
            return "a SIM is held by unknown batch job \(missing)"
        }
        for (name, account) in accounts where account.name != name { return "account '\(name)' is named '\(account.name)'" }
        if let unknown = accountNames.first(where: { accounts[$0] == nil }) { return "unknown account '\(unknown)'" }
        for (id, sms) in mtSMS where sms.smsMsgId != id { return "SMS \(id) has id \(sms.smsMsgId)" }
        let problems = consistencyProblems()
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
