import SimCore

extension SeedDocument {
    /// The core form of a valid document (check it with ``SeedValidator`` first), defaults filled in:
    /// statuses `ENABLED`, an enterprise created at `startTime`, a SIM created with its enterprise,
    /// the default APN, and each SIM in the share pool of its basic package.
    func worldSeed() -> WorldSeed {
        WorldSeed(
            startTime: startTime, randomSeed: randomSeed, enterprises: enterprises.map { $0.enterpriseSeed(startTime: startTime) },
            settings: settings?.settings ?? .defaults)
    }
}

extension EnterpriseEntry {
    /// The core form of this enterprise; `startTime` is its creation time when none is given.
    func enterpriseSeed(startTime: Timestamp) -> EnterpriseSeed {
        let created = createdTime ?? startTime
        let enterprise = Enterprise(name: name, apiKey: apiKey, status: status ?? .enabled, createdTime: created)
        let accountSeeds = accounts.map { account in
            Account(
                name: account.name, chargeType: account.chargeType, status: account.status ?? .enabled,
                prepaidRenewType: account.prepaidRenewType, simSkus: account.simSkus,
                servicePackageNames: account.servicePackages.map(\.name), sharePoolNames: account.sharePools.map(\.name))
        }
        let packages = accounts.flatMap { account in
            account.servicePackages.map { package in
                ServicePackage(
                    name: package.name, accountName: account.name, kind: package.kind, billingType: package.billingType,
                    dataQuotaBytes: package.dataQuotaBytes, smsQuota: package.smsQuota, validityDays: package.validityDays,
                    price: package.price, currency: package.currency, sharePoolName: package.sharePoolName)
            }
        }
        let pools = accounts.flatMap { account in
            account.sharePools.map { SharePool(name: $0.name, accountName: account.name, quotaBytes: $0.quotaBytes) }
        }
        let poolByPackage = Dictionary(packages.map { ($0.name, $0.sharePoolName) }, uniquingKeysWith: { first, _ in first })
        let simSeeds = sims.map { sim in
            SIM(
                iccid: sim.iccid, imsi: sim.imsi, msisdn: sim.msisdn, imei: sim.imei, eid: sim.eid, status: sim.status,
                accountName: sim.accountName, simSku: sim.simSku, basicServicePackageName: sim.basicServicePackageName,
                sharePoolName: sim.basicServicePackageName.flatMap { poolByPackage[$0] ?? nil },
                apnName: sim.apnName ?? SIM.defaultAPNName, apnStatus: sim.apnStatus ?? .enabled, activatedTime: sim.activatedTime,
                createdTime: sim.createdTime ?? created, lastStatusChangeTime: sim.lastStatusChangeTime, customFields: sim.customFields)
        }
        var seed = EnterpriseSeed(enterprise: enterprise, accounts: accountSeeds, servicePackages: packages, sharePools: pools, sims: simSeeds)
        if clock == .own { seed.ownClock = OwnClockDeclaration() }
        return seed
    }
}
