@testable import SimCore

/// A small world for simulator tests: one enterprise with two accounts, their plans and a share
/// pool, and one SIM per status in each account (12 SIMs), starting 2025-03-15T08:00:00Z.
///
/// ```swift
/// let simulator = TestWorld.simulator()
/// let sim = try simulator.perform(.activate, giccid: TestWorld.giccid(.inventory), enterprise: TestWorld.enterpriseName, source: .api)
/// ```
enum TestWorld {
    static let enterpriseName = "Acme IoT"
    static let apiKey = "acme-test-key-0123456789"
    static let postpaidAccount = "Fleet Postpaid"
    static let prepaidAccount = "Meter Prepaid"
    static let fleetBasic = "Fleet-Basic-1GB"
    static let fleetBasicLarge = "Fleet-Basic-5GB"
    static let fleetAddon = "Fleet-Addon-500MB"
    static let meterBasic = "Meter-Prepaid-100MB"
    static let meterPool = "Meter-Pool"
    static let fleetSKU = "Fleet-SKU-M2M"
    static let randomSeed: UInt64 = 20_250_315
    /// 2025-03-15T08:00:00Z, the clock's start.
    static let startTime = Timestamp(secondsSinceEpoch: 1_742_025_600)
    /// 2025-01-10T00:00:00Z, when the seed SIMs were made.
    static let createdTime = Timestamp(secondsSinceEpoch: 1_736_467_200)
    /// 2025-02-01T00:00:00Z, when the seed SIMs that were ever activated were first activated.
    static let activatedTime = Timestamp(secondsSinceEpoch: 1_738_368_000)
    /// Data used this cycle (March 2025) by each seed SIM in ACTIVATED status.
    static let marchDataBytes: Int64 = 1_048_576
    /// SMS sent this cycle (March 2025) by each seed SIM in ACTIVATED status.
    static let marchSmsCount = 3

    /// The seed: the enterprise, its catalog and 12 SIMs.
    static func make() -> WorldSeed {
        let enterprise = Enterprise(name: enterpriseName, apiKey: apiKey, createdTime: createdTime)
        let accounts = [
            Account(
                name: postpaidAccount, chargeType: .charge, prepaidRenewType: nil, simSkus: [fleetSKU],
                servicePackageNames: [fleetAddon, fleetBasic, fleetBasicLarge], sharePoolNames: []),
            Account(
                name: prepaidAccount, chargeType: .prepaid, prepaidRenewType: .disableCard, simSkus: ["Meter-SKU"],
                servicePackageNames: [meterBasic], sharePoolNames: [meterPool]),
        ]
        let packages = [
            ServicePackage(
                name: fleetAddon, accountName: postpaidAccount, kind: .supplementary, billingType: .postpaid, dataQuotaBytes: 500_000_000,
                smsQuota: nil, validityDays: 30, price: 2, currency: "USD", sharePoolName: nil),
            ServicePackage(
                name: fleetBasic, accountName: postpaidAccount, kind: .basic, billingType: .postpaid, dataQuotaBytes: 1_000_000_000,
                smsQuota: 100, validityDays: nil, price: 5, currency: "USD", sharePoolName: nil),
            ServicePackage(
                name: fleetBasicLarge, accountName: postpaidAccount, kind: .basic, billingType: .postpaid, dataQuotaBytes: 5_000_000_000,
                smsQuota: 100, validityDays: nil, price: 12, currency: "USD", sharePoolName: nil),
            ServicePackage(
                name: meterBasic, accountName: prepaidAccount, kind: .basic, billingType: .prepaid, dataQuotaBytes: 100_000_000,
                smsQuota: 10, validityDays: 365, price: 9.9, currency: "USD", sharePoolName: meterPool),
        ]
        let pools = [SharePool(name: meterPool, accountName: prepaidAccount, quotaBytes: 10_000_000_000)]
        let sims = [postpaidAccount, prepaidAccount].flatMap { account in
            SIMStatus.allCases.map { status in seedSIM(status: status, account: account) }
        }
        let seed = EnterpriseSeed(enterprise: enterprise, accounts: accounts, servicePackages: packages, sharePools: pools, sims: sims)
        return WorldSeed(startTime: startTime, randomSeed: randomSeed, enterprises: [seed])
    }

    /// A simulator on ``make()``, in manual clock mode.
    static func simulator(wallClock: ManualWallClock = ManualWallClock(milliseconds: 1_700_000_000_000)) -> Simulator {
        Simulator(seed: make(), clockMode: .manual, wallClock: wallClock)
    }

    /// The giccid of the seed SIM in `status` in `account`.
    static func giccid(_ status: SIMStatus, account: String = postpaidAccount) -> String {
        let accountIndex = account == postpaidAccount ? 1 : 2
        let statusIndex = SIMStatus.allCases.firstIndex(of: status)! + 1
        let body = "89440100000000\(accountIndex)00\(statusIndex)"
        return body + String(Luhn.checkDigit(for: body))
    }

    /// Every seed giccid, in giccid order.
    static var allGiccids: [String] {
        [postpaidAccount, prepaidAccount].flatMap { account in SIMStatus.allCases.map { giccid($0, account: account) } }.sorted()
    }

    private static func seedSIM(status: SIMStatus, account: String) -> SIM {
        let giccid = giccid(status, account: account)
        let serial = giccid.dropLast().suffix(4)
        let everActivated = [.activated, .deactivated, .retired].contains(status)
        var sim = SIM(
            iccid: giccid, imsi: "23415010000" + serial, msisdn: "4470100" + serial, imei: status == .activated ? "490154203237518" : nil,
            status: status, accountName: account, simSku: account == postpaidAccount ? fleetSKU : "Meter-SKU",
            basicServicePackageName: account == postpaidAccount ? fleetBasic : meterBasic,
            sharePoolName: account == postpaidAccount ? nil : meterPool, activatedTime: everActivated ? activatedTime : nil,
            createdTime: createdTime, lastStatusChangeTime: everActivated ? activatedTime : createdTime)
        if status == .activated {
            sim.usageCycleName = "2025-03"
            sim.cycleDataUsageBytes = marchDataBytes
            sim.cycleSmsCount = marchSmsCount
        }
        return sim
    }
}

/// The first issue of the refusal `body` throws; nil when it succeeds.
func refusal(_ body: () throws(SimError) -> some Any) -> SimError.Issue? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.issues.first
    }
}
