import Synchronization

/// The simulated Smarthub platform: every enterprise's objects, the clock and the scheduler,
/// behind one lock so that every call is one consistent step, safe from any thread.
///
/// Adapters (HTTP, seed loading, persistence) talk to the platform only through this type. Pushes
/// leave through a ``PushTransport`` the host provides. With a real clock, attempts that fall due
/// are queued on ``deliveryRequests`` for the host's delivery loop; with a manual clock they wait
/// for ``advanceAndDeliver(to:field:)``, which makes them itself, in time order, and waits for
/// their answers.
///
/// ```swift
/// let simulator = Simulator(seed: seed, wallClock: SystemWallClock(), pushTransport: transport)
/// let sim = try simulator.perform(.deactivate, giccid: "8944…", enterprise: "Demo IoT Ltd", source: .api)
/// try await simulator.advanceAndDeliver(to: later)
/// ```
public final class Simulator: Sendable {
    private let world: Mutex<World>
    private let wallClock: any WallClock
    let pushTransport: any PushTransport
    private let deliveryContinuation: AsyncStream<[PushRequest]>.Continuation
    /// Push attempts due now, for the host's delivery loop to pass to ``deliver(_:)``.
    public let deliveryRequests: AsyncStream<[PushRequest]>
    /// The first enterprise of the seed: the one control calls concern when they name none.
    public let demoEnterpriseName: String
    /// The seed the simulator started from (and returns to on reset).
    public let seed: WorldSeed
    /// Named snapshots of the world (kept across resets).
    let snapshots = Mutex(SnapshotShelf())
    /// One ``advanceAndDeliver(to:field:)`` of the world clock at a time.
    let advanceTurns = AdvanceTurns()
    /// One ``advanceAndDeliver(to:field:)`` of an enterprise's own clock at a time, by enterprise
    /// name: advances of two own clocks do not wait on each other.
    let ownAdvanceTurns = Mutex<[String: AdvanceTurns]>([:])
    /// The calls waiting for the world's lock: a sliced advance lets them in between its slices.
    let worldWaiters = Atomic<Int>(0)

    /// A simulator holding `seed`, its clock at the seed's start time; or, given `state`, holding
    /// that state (in its clock's mode and scale), with `seed` as what a reset returns to.
    public init(
        seed: WorldSeed, clockMode: ClockMode = .manual, clockScale: Double = 1, wallClock: any WallClock,
        pushTransport: any PushTransport = UnconnectedPushTransport(), state: WorldState? = nil
    ) {
        self.seed = seed
        self.wallClock = wallClock
        self.pushTransport = pushTransport
        demoEnterpriseName = seed.demoEnterprise.enterprise.name
        world = Mutex(
            World(seed: seed, clockMode: clockMode, clockScale: clockScale, wallMilliseconds: wallClock.nowMilliseconds(), state: state))
        (deliveryRequests, deliveryContinuation) = AsyncStream.makeStream(of: [PushRequest].self)
    }

    /// Runs `body` on the world as one step: first the work the clock has made due, then `body`,
    /// then the work `body` made due at once (pushes); with a real clock, push attempts that fell
    /// due go to ``deliveryRequests``. `now` is the reading of the clock `enterprise` lives by: its
    /// own clock when it has one (whose due work runs too), else the world clock.
    func withWorld<Result: Sendable>(
        for enterprise: String? = nil, _ body: (inout World, _ now: Timestamp) throws(SimError) -> Result
    ) throws(SimError) -> Result {
        let wall = wallClock.nowMilliseconds()
        worldWaiters.add(1, ordering: .relaxed)
        let (result, ready) = try world.withLock { world throws(SimError) -> (Result, [PushRequest]) in
            worldWaiters.subtract(1, ordering: .relaxed)
            let owner = world.ownClockName(enterprise)
            world.runDueWork(upTo: world.clock.now(wallMilliseconds: wall))
            if let owner { world.runDueWork(upTo: world.now(of: owner, wallMilliseconds: wall), ownClockOf: owner) }
            let result = try body(&world, world.now(of: owner, wallMilliseconds: wall))
            world.runDueWork(upTo: world.clock.now(wallMilliseconds: wall))
            var ready = Self.handOff(&world, ownClockOf: nil)
            // `body` may have removed the enterprise, or made it.
            if let owner = world.ownClockName(enterprise) {
                world.runDueWork(upTo: world.now(of: owner, wallMilliseconds: wall), ownClockOf: owner)
                ready += Self.handOff(&world, ownClockOf: owner)
            }
            return (result, ready)
        }
        if !ready.isEmpty { deliveryContinuation.yield(ready) }
        return result
    }

    /// The push attempts of a real clock (the world's, or the own clock of `owner`) that are ready
    /// and not left to a running advance. With a manual clock, pushes wait for the next advance, so
    /// tests see them go out at a moment they choose.
    static func handOff(_ world: inout World, ownClockOf owner: String?) -> [PushRequest] {
        guard !world.isAdvancing(ownClockOf: owner), world.clock(ownClockOf: owner).mode == .real else { return [] }
        return world.takeReadyDeliveries(ownClockOf: owner)
    }

    /// Like ``withWorld(for:_:)`` for calls that cannot fail.
    func readWorld<Result: Sendable>(for enterprise: String? = nil, _ body: (inout World, _ now: Timestamp) -> Result) -> Result {
        do {
            return try withWorld(for: enterprise) { world, now throws(SimError) in body(&world, now) }
        } catch {
            preconditionFailure("a step that cannot fail failed: \(error)")
        }
    }

    /// The turns of advances of the world clock, or of the own clock of `owner`.
    func turns(ownClockOf owner: String?) -> AdvanceTurns {
        guard let owner else { return advanceTurns }
        return ownAdvanceTurns.withLock { turns in
            if let existing = turns[owner] { return existing }
            let made = AdvanceTurns()
            turns[owner] = made
            return made
        }
    }

    /// Passes push attempts to the host's delivery loop (``deliveryRequests``).
    func hand(_ ready: [PushRequest]) {
        deliveryContinuation.yield(ready)
    }

    /// The machine's time, for clock changes that re-anchor the real clock.
    var wallMilliseconds: Int64 { wallClock.nowMilliseconds() }
}

/// The transport of a simulator without network: every attempt fails, saying so.
public struct UnconnectedPushTransport: PushTransport {
    /// A transport that delivers nothing.
    public init() {}

    public func send(_ request: PushRequest) async -> PushOutcome {
        PushOutcome(httpStatus: nil, error: "no push transport is connected")
    }
}
