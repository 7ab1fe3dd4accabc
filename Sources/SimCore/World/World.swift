/// All state of the simulator, owned by ``Simulator`` behind one lock; every method is one
/// consistent step.
struct World: Sendable {
    let seed: WorldSeed
    /// The clock; setting it counts as a change of the world.
    var clock: SimClock {
        didSet { unsaved.clockChanged = true }
    }
    var scheduler = Scheduler<ScheduledWork>()
    var tenants: [String: Tenant] = [:]
    var tenantNameByAPIKey: [String: String] = [:]
    var nextTenantSerial: UInt64 = 1
    /// How many times the whole world was replaced (reset, state import, snapshot restore): a push
    /// attempt made before a replacement is not recorded into the world that replaced it.
    var replacements: UInt64 = 0
    /// Push attempts that fell due, waiting to be handed to the transport.
    var readyDeliveries: [PushRequest] = []
    /// True while `advanceAndDeliver` runs: it delivers what falls due itself.
    var advancing = false
    /// Push attempts of own-clock enterprises that fell due, by enterprise name.
    var ownReadyDeliveries: [String: [PushRequest]] = [:]
    /// The own-clock enterprises whose `advanceAndDeliver` runs.
    var ownAdvancing: Set<String> = []
    /// The enterprises whose own clock is in real mode (their work falls due as wall time passes).
    var realOwnClocks: Set<String> = []
    /// What changed since a store last took the changes; kept only while ``UnsavedChanges/isTracking``.
    var unsaved = UnsavedChanges()

    /// A world holding `seed` as it starts, or `state` when given (the seed is then only what a
    /// reset returns to, and its tenants are never built).
    init(seed: WorldSeed, clockMode: ClockMode, clockScale: Double, wallMilliseconds: Int64, state: WorldState? = nil) {
        self.seed = seed
        clock = SimClock(start: seed.startTime, mode: clockMode, scale: clockScale, wallMilliseconds: wallMilliseconds)
        if let state { load(state, wallMilliseconds: wallMilliseconds) } else { loadSeedTenants(wallMilliseconds: wallMilliseconds) }
    }

    /// Back to the seed: seed tenants as loaded, created tenants gone, clock at the start time
    /// (mode and scale kept), no pending work.
    mutating func reset(wallMilliseconds: Int64) {
        removeAllTenants()
        scheduler.removeAll()
        clock.set(seed.startTime, wallMilliseconds: wallMilliseconds)
        loadSeedTenants(wallMilliseconds: wallMilliseconds)
    }

    /// Removes every tenant (with its key) and the push attempts waiting for the transport.
    mutating func removeAllTenants() {
        replacements &+= 1
        tenants = [:]
        tenantNameByAPIKey = [:]
        readyDeliveries = []
        ownReadyDeliveries = [:]
        ownAdvancing = []
        realOwnClocks = []
        unsaved.replaceEverything()
    }

    private mutating func loadSeedTenants(wallMilliseconds: Int64) {
        for enterpriseSeed in seed.enterprises {
            var tenant = makeTenant(enterpriseSeed)
            if let declared = enterpriseSeed.ownClock {
                tenant.ownClock = OwnClock(
                    start: declared.start ?? seed.startTime, mode: declared.mode, scale: declared.scale, wallMilliseconds: wallMilliseconds)
            }
            tenant.startSeedTerms(at: tenant.ownClock?.clock.anchorReading ?? seed.startTime)
            add(tenant)
        }
    }

    /// A tenant holding `enterpriseSeed`, with the seed's settings and a fresh serial.
    mutating func makeTenant(_ enterpriseSeed: EnterpriseSeed) -> Tenant {
        var tenant = Tenant(seed: enterpriseSeed, randomSeed: seed.randomSeed, settings: seed.settings)
        tenant.serial = nextTenantSerial
        nextTenantSerial = nextTenantSerial.incrementedSaturated
        return tenant
    }

    /// Adds a tenant (with the world's table of countries) and schedules the work it already asked for.
    mutating func add(_ tenant: Tenant) {
        var tenant = tenant
        tenant.countryCodeByMCC = seed.countryCodeByMCC
        tenants[tenant.enterprise.name] = tenant
        tenantNameByAPIKey[tenant.enterprise.apiKey] = tenant.enterprise.name
        if tenant.ownClock?.clock.mode == .real { realOwnClocks.insert(tenant.enterprise.name) }
        scheduleRequestedWork(of: tenant.enterprise.name)
        touch(tenant.enterprise.name)
    }

    /// Removes a tenant and its key; nil when there is none of that name.
    mutating func remove(_ name: String) -> Tenant? {
        guard let tenant = tenants.removeValue(forKey: name) else { return nil }
        tenantNameByAPIKey[tenant.enterprise.apiKey] = nil
        ownReadyDeliveries[name] = nil
        ownAdvancing.remove(name)
        realOwnClocks.remove(name)
        unsaved.noteRemoved(name)
        return tenant
    }

    /// Records that the tenant `name` may have changed.
    mutating func touch(_ name: String) {
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

    /// Moves the work a tenant asked for into the scheduler of its clock (its own, or the world's).
    /// Called after every change of a tenant: without a store tracking changes, the tenant's record
    /// of its changes is dropped here.
    private mutating func scheduleRequestedWork(of name: String) {
        guard tenants[name] != nil else { return }
        if !unsaved.isTracking { tenants[name]!.forgetChanges() }
        let requested = tenants[name]!.requestedWork
        guard !requested.isEmpty else { return }
        tenants[name]!.requestedWork = []
        // No copy of the tenant is held while its scheduler changes: the change stays in place.
        // Work on an own clock is saved with the enterprise, as rows of its own (the change above
        // already marked the enterprise).
        let serial = tenants[name]!.serial
        if tenants[name]!.ownClock != nil {
            for (due, work) in requested {
                let sequence = tenants[name]!.ownClock!.scheduler.schedule(work, at: due)
                guard unsaved.isTracking else { continue }
                tenants[name]!.ownWorkScheduled.append(
                    ScheduledEntry(sequence: sequence, due: due, work: .tenant(serial: serial, enterprise: name, work: work)))
            }
        } else {
            for (due, work) in requested {
                let work = ScheduledWork.tenant(serial: serial, enterprise: name, work: work)
                unsaved.noteScheduled(sequence: scheduler.schedule(work, at: due), due: due, work: work)
            }
        }
    }

    /// The reading of the clock the enterprise `name` lives by: its own, or the world's (also for
    /// nil or an unknown name).
    func now(of name: String?, wallMilliseconds: Int64) -> Timestamp {
        if let name, let own = tenants[name]?.ownClock { return own.clock.now(wallMilliseconds: wallMilliseconds) }
        return clock.now(wallMilliseconds: wallMilliseconds)
    }

    /// The name of the enterprise when it owns its clock; nil for nil, a shared-clock or an unknown enterprise.
    func ownClockName(_ name: String?) -> String? {
        guard let name, tenants[name]?.ownClock != nil else { return nil }
        return name
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
    /// The world clock's work only; with `ownClockOf`, only the work of that enterprise's own clock.
    @discardableResult
    mutating func runDueWork(upTo limit: Timestamp, ownClockOf owner: String? = nil, pausingForDeliveries: Bool = false) -> Timestamp? {
        var firstReady: Timestamp?
        while let (due, work) = popNextWork(dueBy: limit, ownClockOf: owner) {
            run(work, at: due)
            let readyCount = owner.map { ownReadyDeliveries[$0]?.count ?? 0 } ?? readyDeliveries.count
            guard pausingForDeliveries, readyCount > 0 else { continue }
            let first = firstReady ?? due
            firstReady = first
            guard let next = nextDueTime(ownClockOf: owner), next != due else { continue }
            if next > first.adding(Self.deliveryWindow) || readyCount >= Self.deliveryBatchLimit { return due }
        }
        return nil
    }

    /// The due time of the next work on the world clock, or on the own clock of `owner`.
    func nextDueTime(ownClockOf owner: String?) -> Timestamp? {
        guard let owner else { return scheduler.nextDueTime }
        return tenants[owner]?.ownClock?.scheduler.nextDueTime
    }

    mutating func popNextWork(dueBy limit: Timestamp, ownClockOf owner: String?) -> (due: Timestamp, work: ScheduledWork)? {
        guard let owner else {
            guard let (due, sequence, work) = scheduler.popNextNumbered(dueBy: limit) else { return nil }
            unsaved.noteRan(sequence: sequence)
            return (due, work)
        }
        // No copy of the tenant is held while its scheduler changes: the change stays in place.
        guard let serial = tenants[owner]?.serial, tenants[owner]!.ownClock != nil,
            let (due, sequence, work) = tenants[owner]!.ownClock!.scheduler.popNextNumbered(dueBy: limit)
        else { return nil }
        // The own clock's pending work is saved with the enterprise: taking an item off changes it.
        touch(owner)
        if unsaved.isTracking { tenants[owner]!.ownWorkRan.append(sequence) }
        return (due, .tenant(serial: serial, enterprise: owner, work: work))
    }

    /// Takes the push attempts ready for the transport: the world clock's, or those of the own clock of `owner`.
    mutating func takeReadyDeliveries(ownClockOf owner: String? = nil) -> [PushRequest] {
        guard let owner else {
            defer { readyDeliveries = [] }
            return readyDeliveries
        }
        return ownReadyDeliveries.removeValue(forKey: owner) ?? []
    }

    /// True while an `advanceAndDeliver` of the world clock, or of the own clock of `owner`, runs.
    func isAdvancing(ownClockOf owner: String?) -> Bool {
        owner.map { ownAdvancing.contains($0) } ?? advancing
    }

    /// Marks the start or end of an `advanceAndDeliver` of the world clock, or of the own clock of `owner`.
    mutating func setAdvancing(_ value: Bool, ownClockOf owner: String?) {
        guard let owner else {
            advancing = value
            return
        }
        if value { ownAdvancing.insert(owner) } else { ownAdvancing.remove(owner) }
    }

    /// Sets the clock of the world, or the own clock of `owner`, to `time`.
    mutating func setClock(_ time: Timestamp, wallMilliseconds: Int64, ownClockOf owner: String?) {
        guard let owner else {
            clock.set(time, wallMilliseconds: wallMilliseconds)
            return
        }
        guard tenants[owner]?.ownClock != nil else { return }
        touch(owner)
        tenants[owner]!.ownClock!.clock.set(time, wallMilliseconds: wallMilliseconds)
    }

    /// The clock of the world, or the own clock of `owner` (the world's when it has none).
    func clock(ownClockOf owner: String?) -> SimClock {
        owner.flatMap { tenants[$0]?.ownClock?.clock } ?? clock
    }

    /// Changes the mode and scale of the world clock, or of the own clock of `owner`, keeping its reading.
    mutating func configureClock(mode: ClockMode, scale: Double, wallMilliseconds: Int64, ownClockOf owner: String?) {
        guard let owner else {
            clock.configure(mode: mode, scale: scale, wallMilliseconds: wallMilliseconds)
            return
        }
        guard tenants[owner]?.ownClock != nil else { return }
        touch(owner)
        tenants[owner]!.ownClock!.clock.configure(mode: mode, scale: scale, wallMilliseconds: wallMilliseconds)
        if mode == .real { realOwnClocks.insert(owner) } else { realOwnClocks.remove(owner) }
    }

    /// Records what came of a push attempt and schedules the attempts it leads to.
    mutating func record(_ outcome: PushOutcome, of request: PushRequest) {
        guard request.worldReplacement == replacements, tenants[request.enterpriseName]?.serial == request.tenantSerial else { return }
        touch(request.enterpriseName)
        tenants[request.enterpriseName]!.recordPushOutcome(outcome, of: request)
        scheduleRequestedWork(of: request.enterpriseName)
    }

    mutating func run(_ work: ScheduledWork, at time: Timestamp) {
        switch work {
        case .tenant(let serial, let enterprise, let work):
            guard tenants[enterprise]?.serial == serial else { return }
            touch(enterprise)
            if var request = tenants[enterprise]!.run(work, at: time) {
                request.worldReplacement = replacements
                if tenants[enterprise]!.ownClock != nil {
                    ownReadyDeliveries[enterprise, default: []].append(request)
                } else {
                    readyDeliveries.append(request)
                }
            }
            scheduleRequestedWork(of: enterprise)
        }
    }
}
