/// All state of the simulator, owned by ``Simulator`` behind one lock; every method is one
/// consistent step.
struct World: Sendable {
    let seed: WorldSeed
    /// The clock; setting it counts as a change of the world.
    var clock: SimClock {
        didSet {
            revision &+= 1
            unsaved.clockChanged = true
        }
    }
    /// Counts changes: bumped by every step that may have changed the world.
    var revision: UInt64 = 0
    /// For each enterprise, the revision of its last change.
    var tenantRevisions: [String: UInt64] = [:]
    var scheduler = Scheduler<ScheduledWork>()
    var tenants: [String: Tenant] = [:]
    var tenantNameByAPIKey: [String: String] = [:]
    var nextTenantSerial: UInt64 = 1
    /// Push attempts that fell due, waiting to be handed to the transport.
    var readyDeliveries: [PushRequest] = []
    /// True while `advanceAndDeliver` runs: it delivers what falls due itself.
    var advancing = false
    /// What changed since a store last took the changes; kept only while ``UnsavedChanges/isTracking``.
    var unsaved = UnsavedChanges()

    /// A world holding `seed` as it starts, or `state` when given (the seed is then only what a
    /// reset returns to, and its tenants are never built).
    init(seed: WorldSeed, clockMode: ClockMode, clockScale: Double, wallMilliseconds: Int64, state: WorldState? = nil) {
        self.seed = seed
        clock = SimClock(start: seed.startTime, mode: clockMode, scale: clockScale, wallMilliseconds: wallMilliseconds)
        if let state { load(state, wallMilliseconds: wallMilliseconds) } else { loadSeedTenants() }
    }

    /// Back to the seed: seed tenants as loaded, created tenants gone, clock at the start time
    /// (mode and scale kept), no pending work.
    mutating func reset(wallMilliseconds: Int64) {
        removeAllTenants()
        scheduler.removeAll()
        clock.set(seed.startTime, wallMilliseconds: wallMilliseconds)
        loadSeedTenants()
    }

    /// Removes every tenant (with its key and revision) and the push attempts waiting for the transport.
    mutating func removeAllTenants() {
        tenants = [:]
        tenantNameByAPIKey = [:]
        tenantRevisions = [:]
        readyDeliveries = []
        unsaved.replaceEverything()
    }

    private mutating func loadSeedTenants() {
        for enterpriseSeed in seed.enterprises {
            var tenant = makeTenant(enterpriseSeed)
            tenant.startSeedTerms(at: seed.startTime)
            add(tenant)
        }
    }

    /// A tenant holding `enterpriseSeed`, with the seed's settings and a fresh serial.
    mutating func makeTenant(_ enterpriseSeed: EnterpriseSeed) -> Tenant {
        var tenant = Tenant(seed: enterpriseSeed, randomSeed: seed.randomSeed, settings: seed.settings)
        tenant.serial = nextTenantSerial
        nextTenantSerial += 1
        return tenant
    }

    /// Adds a tenant (with the world's table of countries) and schedules the work it already asked for.
    mutating func add(_ tenant: Tenant) {
        var tenant = tenant
        tenant.countryCodeByMCC = seed.countryCodeByMCC
        tenants[tenant.enterprise.name] = tenant
        tenantNameByAPIKey[tenant.enterprise.apiKey] = tenant.enterprise.name
        scheduleRequestedWork(of: tenant.enterprise.name)
        touch(tenant.enterprise.name)
    }

    /// Removes a tenant and its key; nil when there is none of that name.
    mutating func remove(_ name: String) -> Tenant? {
        guard let tenant = tenants.removeValue(forKey: name) else { return nil }
        tenantNameByAPIKey[tenant.enterprise.apiKey] = nil
        tenantRevisions[name] = nil
        revision &+= 1
        unsaved.noteRemoved(name)
        return tenant
    }

    /// Records that the tenant `name` may have changed.
    mutating func touch(_ name: String) {
        revision &+= 1
        tenantRevisions[name] = revision
        unsaved.noteChanged(name)
    }

    func tenant(_ name: String) throws(SimError) -> Tenant {
        guard let tenant = tenants[name] else { throw .notFound("Enterprise", field: "enterpriseName") }
        return tenant
    }

    /// Runs `body` on the tenant named `name` in place, then schedules the work it asked for.
    mutating func withTenant<Result>(_ name: String, _ body: (inout Tenant) throws(SimError) -> Result) throws(SimError) -> Result {
        guard tenants[name] != nil else { throw .notFound("Enterprise", field: "enterpriseName") }
        touch(name)
        defer { scheduleRequestedWork(of: name) }
        return try body(&tenants[name]!)
    }

    /// Moves the work a tenant asked for into the scheduler. Called after every change of a
    /// tenant: without a store tracking changes, the tenant's record of its changes is dropped here.
    private mutating func scheduleRequestedWork(of name: String) {
        guard let tenant = tenants[name] else { return }
        if !unsaved.isTracking { tenants[name]!.forgetChanges() }
        guard !tenant.requestedWork.isEmpty else { return }
        for (due, work) in tenant.requestedWork {
            let work = ScheduledWork.tenant(serial: tenant.serial, enterprise: name, work: work)
            unsaved.noteScheduled(sequence: scheduler.schedule(work, at: due), due: due, work: work)
        }
        tenants[name]!.requestedWork = []
    }

    /// How far past the first ready push attempt the clock may run before the attempts are made,
    /// so that attempts falling due close together go out together. Their outcomes are recorded at
    /// the attempts' own times either way.
    static let deliveryWindow = SimDuration.seconds(1)
    /// The most push attempts made together.
    static let deliveryBatchLimit = 512

    /// Runs, in time order, every piece of work due at or before `limit`, each at its own due time.
    /// With `pausingForDeliveries`, stops once push attempts are ready and the next work is more
    /// than ``deliveryWindow`` after the first of them (or ``deliveryBatchLimit`` are ready),
    /// after the rest of the work due at that same moment, and returns that moment.
    @discardableResult
    mutating func runDueWork(upTo limit: Timestamp, pausingForDeliveries: Bool = false) -> Timestamp? {
        var firstReady: Timestamp?
        while let (due, sequence, work) = scheduler.popNextNumbered(dueBy: limit) {
            unsaved.noteRan(sequence: sequence)
            run(work, at: due)
            guard pausingForDeliveries, !readyDeliveries.isEmpty else { continue }
            let first = firstReady ?? due
            firstReady = first
            guard let next = scheduler.nextDueTime, next != due else { continue }
            if next > first.adding(Self.deliveryWindow) || readyDeliveries.count >= Self.deliveryBatchLimit { return due }
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
        touch(request.enterpriseName)
        tenants[request.enterpriseName]!.recordPushOutcome(outcome, of: request)
        scheduleRequestedWork(of: request.enterpriseName)
    }

    private mutating func run(_ work: ScheduledWork, at time: Timestamp) {
        switch work {
        case .tenant(let serial, let enterprise, let work):
            guard tenants[enterprise]?.serial == serial else { return }
            touch(enterprise)
            if let request = tenants[enterprise]!.run(work, at: time) { readyDeliveries.append(request) }
            scheduleRequestedWork(of: enterprise)
        }
    }
}
