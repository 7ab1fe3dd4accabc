/// All state of the simulator, owned by ``Simulator`` behind one lock; every method is one
/// consistent step.
struct World: Sendable {
    let seed: WorldSeed
    var clock: SimClock
    var scheduler = Scheduler<ScheduledWork>()
    var tenants: [String: Tenant] = [:]
    var tenantNameByAPIKey: [String: String] = [:]
    private var nextTenantSerial: UInt64 = 1
    /// Push attempts that fell due, waiting to be handed to the transport.
    var readyDeliveries: [PushRequest] = []
    /// True while `advanceAndDeliver` runs: it delivers what falls due itself.
    var advancing = false

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
        readyDeliveries = []
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

    /// Runs `body` on the tenant named `name` in place, then schedules the work it asked for.
    mutating func withTenant<Result>(_ name: String, _ body: (inout Tenant) throws(SimError) -> Result) throws(SimError) -> Result {
        guard tenants[name] != nil else { throw .notFound("Enterprise", field: "enterpriseName") }
        defer { scheduleRequestedWork(of: name) }
        return try body(&tenants[name]!)
    }

    /// Moves the push attempts a tenant asked for into the scheduler.
    private mutating func scheduleRequestedWork(of name: String) {
        guard let tenant = tenants[name], !tenant.pushAttemptsToSchedule.isEmpty || !tenant.noSessionChecksToSchedule.isEmpty else { return }
        for (eventId, due) in tenant.pushAttemptsToSchedule {
            scheduler.schedule(.pushAttempt(tenantSerial: tenant.serial, enterprise: name, eventId: eventId), at: due)
        }
        tenants[name]!.pushAttemptsToSchedule = []
        for (giccid, sessionTime, due) in tenant.noSessionChecksToSchedule {
            scheduler.schedule(.noSessionCheck(tenantSerial: tenant.serial, enterprise: name, giccid: giccid, sessionTime: sessionTime), at: due)
        }
        tenants[name]!.noSessionChecksToSchedule = []
    }

    /// Runs, in time order, every piece of work due at or before `limit`, each at its own due time.
    /// With `pausingForDeliveries`, stops once push attempts are ready, after the rest of the work
    /// due at that same moment, and returns that moment.
    @discardableResult
    mutating func runDueWork(upTo limit: Timestamp, pausingForDeliveries: Bool = false) -> Timestamp? {
        while let (due, work) = scheduler.popNext(dueBy: limit) {
            run(work, at: due)
            if pausingForDeliveries, !readyDeliveries.isEmpty, scheduler.nextDueTime != due { return due }
        }
        return nil
    }

    /// Takes the push attempts ready for the transport.
    mutating func takeReadyDeliveries() -> [PushRequest] {
        defer { readyDeliveries = [] }
        return readyDeliveries
    }

    /// Records what came of a push attempt and schedules the attempts it leads to.
    mutating func record(_ outcome: PushOutcome, of request: PushRequest) {
        guard tenants[request.enterpriseName]?.serial == request.tenantSerial else { return }
        tenants[request.enterpriseName]!.recordPushOutcome(outcome, of: request)
        scheduleRequestedWork(of: request.enterpriseName)
    }

    private mutating func run(_ work: ScheduledWork, at time: Timestamp) {
        switch work {
        case .batchStep(let serial, let enterprise, let jobId):
            guard tenants[enterprise]?.serial == serial else { return }
            if let next = tenants[enterprise]!.runBatchStep(jobId: jobId, at: time) {
                scheduler.schedule(.batchStep(tenantSerial: serial, enterprise: enterprise, jobId: next.jobId), at: next.due)
            }
            scheduleRequestedWork(of: enterprise)
        case .noSessionCheck(let serial, let enterprise, let giccid, let sessionTime):
            guard tenants[enterprise]?.serial == serial else { return }
            tenants[enterprise]!.checkSilence(ofSIM: giccid, sinceSessionAt: sessionTime, at: time)
            scheduleRequestedWork(of: enterprise)
        case .pushAttempt(let serial, let enterprise, let eventId):
            guard tenants[enterprise]?.serial == serial else { return }
            if let request = tenants[enterprise]!.beginPushAttempt(eventId, dueAt: time) { readyDeliveries.append(request) }
        case .smsDelivery(let serial, let enterprise, let smsMsgId):
            guard tenants[enterprise]?.serial == serial else { return }
            tenants[enterprise]!.deliverMTSMS(smsMsgId, at: time)
            scheduleRequestedWork(of: enterprise)
        }
    }
}
