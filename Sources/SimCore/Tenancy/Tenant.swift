/// Everything one enterprise owns: its catalog, its SIMs with their indexes, its change log and
/// its own id generator (so one tenant's ids never depend on another tenant's calls).
struct Tenant: Sendable {
    var enterprise: Enterprise
    var accountNames: [String]
    var accounts: [String: Account]
    var servicePackages: [String: ServicePackage]
    var sharePools: [String: SharePool]
    var sims = SIMStore()
    var changeLog = ChangeLog()
    var identifiers: IdentifierFactory
    var settings: EnterpriseSettings
    /// Unique in the world's life, so work scheduled for a deleted tenant never reaches a new
    /// tenant of the same name.
    var serial: UInt64 = 0
    /// Batch jobs by id.
    var batchJobs: [String: BatchJob] = [:]
    /// Jobs not finished, oldest first; the first is running. One job runs at a time, so jobs
    /// touching the same SIM change it in the order they were posted.
    var batchQueue: [String] = []
    /// For each SIM with pending batch tasks, the jobs holding it, oldest first.
    var batchHolds: [String: [String]] = [:]
    /// Webhooks by account name; the `nil` key is the enterprise's.
    var webhooks: [String?: WebhookConfiguration] = [:]
    /// Every push and its attempts.
    var deliveries = DeliveryLedger()
    /// Usage per billing cycle and country.
    var countryStatistics = CountryStatistics()
    /// Work asked for since the world last collected it (the world schedules it).
    var requestedWork: [(due: Timestamp, work: TenantWork)] = []
    /// SMS sent to the tenant's SIMs, by `smsMsgId`.
    var mtSMS: [String: MTSMS] = [:]
    /// SIMs with a silence check (`noSessionCheck`) waiting on the clock: at most one each.
    var silenceChecksPending: Set<String> = []
    /// Forced outcomes, HTTP faults and the rate limit in force.
    var faults = FaultTable()
    /// The enterprise's own clock and the work waiting on it; nil when it shares the world clock.
    var ownClock: OwnClock?
    /// The background traffic setting and its generator.
    var backgroundTraffic: BackgroundTraffic
    /// The country of each mobile country code (the world's table, set when the tenant joins the world).
    var countryCodeByMCC: [String: String] = [:]
    /// The batch jobs added or changed since a store last took this tenant's changes.
    var changedBatchJobIds: Set<String> = []
    /// The SMS added or changed since a store last took this tenant's changes.
    var changedSMSIds: Set<String> = []
    /// True until a store has taken the whole tenant (a new, created or loaded tenant).
    var needsWholeSave = true
    /// The work put on ``ownClock`` since a store last took this tenant's changes.
    var ownWorkScheduled: [ScheduledEntry] = []
    /// The sequence numbers of the work taken off ``ownClock`` to run since a store last took this tenant's changes.
    var ownWorkRan: [UInt64] = []

    /// A tenant holding `seed`, whose generated ids derive from `randomSeed` and the enterprise name.
    init(seed: EnterpriseSeed, randomSeed: UInt64, settings: EnterpriseSettings) {
        self.settings = settings
        enterprise = seed.enterprise
        accountNames = seed.accounts.map(\.name)
        accounts = Dictionary(seed.accounts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        servicePackages = Dictionary(seed.servicePackages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        sharePools = Dictionary(seed.sharePools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        sims.insert(contentsOf: seed.sims)
        identifiers = IdentifierFactory(random: DeterministicRandom(seed: randomSeed, scope: seed.enterprise.name))
        backgroundTraffic = BackgroundTraffic(random: DeterministicRandom(seed: randomSeed, scope: seed.enterprise.name + "/traffic"))
    }

    func account(named name: String) throws(SimError) -> Account {
        guard let account = accounts[name] else { throw .notFound("Account", field: "name") }
        return account
    }

    func sim(_ giccid: String) throws(SimError) -> SIM {
        guard let sim = sims.sim(iccid: giccid) else { throw .notFound("SIM", field: "giccid") }
        return sim
    }

    /// The account's plans, in the account's declaration order.
    func servicePackages(ofAccount name: String) throws(SimError) -> [ServicePackage] {
        let account = try account(named: name)
        return account.servicePackageNames.compactMap { servicePackages[$0] }
    }
}
