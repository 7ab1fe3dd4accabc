/// Generated SIMs for large worlds (`serve --generate-sims N`: benchmarks, demos): valid,
/// deterministic identifiers (ICCIDs `894477` + a 12-digit serial + a Luhn digit, so they never
/// meet the seed's or a tenant's), spread over the enterprise's accounts and over the statuses
/// as a fleet is: 60 % ACTIVATED, 10 % each DEACTIVATED, INVENTORY, ACTIVATION_READY, TEST_READY.
public enum SIMFleet {
    /// The most SIMs one world is generated with.
    public static let maximumCount = 2_000_000

    /// `count` SIMs for the accounts of `enterprise` that have a basic plan, made 60 days before
    /// `startTime`; ACTIVATED and DEACTIVATED ones were activated over the 25 days before it.
    public static func generate(_ count: Int, for enterprise: EnterpriseSeed, before startTime: Timestamp) -> [SIM] {
        let plans = enterprise.accounts.compactMap { account -> (Account, ServicePackage)? in
            let basic = account.servicePackageNames.lazy.compactMap { name in enterprise.servicePackages.first { $0.name == name } }
                .first { $0.kind == .basic }
            return basic.map { (account, $0) }
        }
        guard !plans.isEmpty, count > 0 else { return [] }
        let statuses: [SIMStatus] = [
            .activated, .activated, .activated, .activated, .activated, .activated, .deactivated, .inventory, .activationReady, .testReady,
        ]
        let created = startTime.adding(.days(-60))
        var sims: [SIM] = []
        sims.reserveCapacity(count)
        for index in 0..<count {
            let serial = UInt64(index + 1)
            let body = "894477" + IdentifierFactory.digits(serial, count: 12)
            let (account, plan) = plans[(index / statuses.count) % plans.count]
            let status = statuses[index % statuses.count]
            let everActivated = status == .activated || status == .deactivated
            let activated = startTime.adding(SimDuration(milliseconds: -Int64(index % 25 + 1) * 86_400_000 - Int64(index % 1440) * 60_000))
            sims.append(
                SIM(
                    iccid: body + String(Luhn.checkDigit(for: body)), imsi: "2341577" + IdentifierFactory.digits(serial, count: 8),
                    msisdn: "4478" + IdentifierFactory.digits(serial, count: 8), status: status, accountName: account.name,
                    simSku: account.simSkus.first,
                    basicServicePackageName: plan.name, sharePoolName: plan.sharePoolName, activatedTime: everActivated ? activated : nil,
                    createdTime: created, lastStatusChangeTime: everActivated ? activated : created))
        }
        return sims
    }
}
