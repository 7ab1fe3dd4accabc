import Synchronization

/// The simulated Smarthub platform: every enterprise's objects, the clock and the scheduler,
/// behind one lock so that every call is one consistent step, safe from any thread.
///
/// Adapters (HTTP, seed loading, persistence) talk to the platform only through this type.
///
/// ```swift
/// let simulator = Simulator(seed: seed, wallClock: SystemWallClock())
/// let sim = try simulator.perform(.deactivate, giccid: "8944…", enterprise: "Demo IoT Ltd", source: .api)
/// try simulator.advance(by: .minutes(15))
/// ```
public final class Simulator: Sendable {
    private let world: Mutex<World>
    private let wallClock: any WallClock
    /// The first enterprise of the seed: the one control calls concern when they name none.
    public let demoEnterpriseName: String
    /// The seed the simulator started from (and returns to on reset).
    public let seed: WorldSeed

    /// A simulator holding `seed`, its clock at the seed's start time.
    public init(seed: WorldSeed, clockMode: ClockMode = .manual, clockScale: Double = 1, wallClock: any WallClock) {
        self.seed = seed
        self.wallClock = wallClock
        demoEnterpriseName = seed.demoEnterprise.enterprise.name
        world = Mutex(World(seed: seed, clockMode: clockMode, clockScale: clockScale, wallMilliseconds: wallClock.nowMilliseconds()))
    }

    /// Runs `body` on the world after running the work that a real clock has made due since the
    /// last call; `now` is the clock's reading.
    func withWorld<Result: Sendable>(_ body: (inout World, _ now: Timestamp) throws(SimError) -> Result) throws(SimError) -> Result {
        let wall = wallClock.nowMilliseconds()
        return try world.withLock { world throws(SimError) -> Result in
            let now = world.clock.now(wallMilliseconds: wall)
            if world.clock.mode == .real { world.runDueWork(upTo: now) }
            return try body(&world, now)
        }
    }

    /// Like ``withWorld(_:)`` for calls that cannot fail.
    func readWorld<Result: Sendable>(_ body: (inout World, _ now: Timestamp) -> Result) -> Result {
        let wall = wallClock.nowMilliseconds()
        return world.withLock { world in
            let now = world.clock.now(wallMilliseconds: wall)
            if world.clock.mode == .real { world.runDueWork(upTo: now) }
            return body(&world, now)
        }
    }

    /// The machine's time, for clock changes that re-anchor the real clock.
    var wallMilliseconds: Int64 { wallClock.nowMilliseconds() }
}
