/// All state of the simulator, owned by ``Simulator`` behind one lock; every method is one
/// consistent step.
struct World: Sendable {
    let seed: WorldSeed
    var clock: SimClock
    var scheduler = Scheduler<ScheduledWork>()
    var tenants: [String: Tenant] = [:]
    var tenantNameByAPIKey: [String: String] = [:]
    private var nextTenantSerial: UInt64 = 1

    init(seed: WorldSeed, clockMode: ClockMode, clockScale: Double, wallMilliseconds: Int64) {
        self.seed = seed
        clock = SimClock(start: seed.startTime, mode: clockMode, scale: clockScale, wallMilliseconds: wallMilliseconds)
        loadSeedTenants()
    }

    /// Back to the seed: seed tenants as loaded, created tenants gone, clock at the start time
    /// (mode and scale kept), no pending work.
    mutating func reset(wallMilliseconds: Int64) {
        tenants = [:]
        tenantNameByAPIKey = [:]
        scheduler.removeAll()
        clock.set(seed.startTime, wallMilliseconds: wallMilliseconds)
        loadSeedTenants()
    }

    private mutating func loadSeedTenants() {
        for enterpriseSeed in seed.enterprises { add(makeTenant(enterpriseSeed)) }
    }

    /// A tenant holding `enterpriseSeed`, with the seed's settings and a fresh serial.
    mutating func makeTenant(_ enterpriseSeed: EnterpriseSeed) -> Tenant {
        var tenant = Tenant(seed: enterpriseSeed, randomSeed: seed.randomSeed, settings: seed.settings)
        tenant.serial = nextTenantSerial
        nextTenantSerial += 1
        return tenant
    }

    mutating func add(_ tenant: Tenant) {
        tenants[tenant.enterprise.name] = tenant
        tenantNameByAPIKey[tenant.enterprise.apiKey] = tenant.enterprise.name
    }

    func tenant(_ name: String) throws(SimError) -> Tenant {
        guard let tenant = tenants[name] else { throw .notFound("Enterprise", field: "enterpriseName") }
        return tenant
    }

    /// Runs `body` on the tenant named `name` in place.
    mutating func withTenant<Result>(_ name: String, _ body: (inout Tenant) throws(SimError) -> Result) throws(SimError) -> Result {
        guard tenants[name] != nil else { throw .notFound("Enterprise", field: "enterpriseName") }
        return try body(&tenants[name]!)
    }

    /// Runs, in time order, every piece of work due at or before `limit`, each at its own due time.
    mutating func runDueWork(upTo limit: Timestamp) {
        while let (due, work) = scheduler.popNext(dueBy: limit) {
            run(work, at: due)
        }
    }

    private mutating func run(_ work: ScheduledWork, at time: Timestamp) {
        switch work {
        case .batchStep(let serial, let enterprise, let jobId):
            guard tenants[enterprise]?.serial == serial else { return }
            if let next = tenants[enterprise]!.runBatchStep(jobId: jobId, at: time) {
                scheduler.schedule(.batchStep(tenantSerial: serial, enterprise: enterprise, jobId: next.jobId), at: next.due)
            }
        }
    }
}
