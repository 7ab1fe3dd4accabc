/// What the clock reads and how it moves.
public struct ClockReading: Equatable, Sendable {
    public var now: Timestamp
    public var mode: ClockMode
    public var scale: Double
    /// True when the reading is of an enterprise's own clock, false for the world clock.
    public var isOwn: Bool

    /// A reading with every part given.
    public init(now: Timestamp, mode: ClockMode, scale: Double, isOwn: Bool = false) {
        self.now = now
        self.mode = mode
        self.scale = scale
        self.isOwn = isOwn
    }
}

extension Simulator {
    /// The reading, mode and scale of the clock `enterprise` lives by: its own clock when it has
    /// one, else (and for nil) the world clock.
    public func clockReading(for enterprise: String? = nil) -> ClockReading {
        readWorld(for: enterprise) { world, now in
            let owner = world.ownClockName(enterprise)
            let clock = world.clock(ownClockOf: owner)
            return ClockReading(now: now, mode: clock.mode, scale: clock.scale, isOwn: owner != nil)
        }
    }

    /// Moves the clock `enterprise` lives by (the world clock for nil or a shared-clock
    /// enterprise) forward to `target`, running in time order every piece of work that falls due
    /// on that clock on the way, each at its own due time. Push attempts that fall due go to
    /// ``deliveryRequests`` (``advanceAndDeliver(to:field:for:)`` makes them and waits instead).
    /// - Throws: `invalid` on `field` when `target` is before the current time or after ``Timestamp/latest``.
    @discardableResult
    public func advance(to target: Timestamp, field: String = "to", for enterprise: String? = nil) throws(SimError) -> Timestamp {
        try advance(field: field, for: enterprise) { _ in target }
    }

    /// Moves the clock forward to the target computed from its reading, in the same step.
    private func advance(field: String, for enterprise: String?, destination: (Timestamp) -> Timestamp) throws(SimError) -> Timestamp {
        let wall = wallMilliseconds
        return try withWorld(for: enterprise) { world, now throws(SimError) in
            let owner = world.ownClockName(enterprise)
            let target = destination(now)
            try Self.check(target, from: now, field: field)
            world.runDueWork(upTo: target, ownClockOf: owner)
            world.setClock(target, wallMilliseconds: wall, ownClockOf: owner)
            return target
        }
    }

    /// Refuses a target before `now` or past the last writable moment.
    static func check(_ target: Timestamp, from now: Timestamp, field: String) throws(SimError) {
        guard target >= now else {
            throw .rejected(
                "Clock", field: field, code: .invalid,
                message: "the clock cannot move backwards (now \(now.smarthubString)); reset the simulator to start again")
        }
        guard target <= .latest else {
            throw .rejected("Clock", field: field, code: .invalid, message: "the clock cannot go past \(Timestamp.latest.smarthubString)")
        }
    }

    /// Moves the clock forward by `duration` from its reading in the same step (see ``advance(to:field:for:)``).
    @discardableResult
    public func advance(by duration: SimDuration, for enterprise: String? = nil) throws(SimError) -> Timestamp {
        try advance(field: "by", for: enterprise) { now in now.adding(duration) }
    }

    /// Changes the mode and scale (each when given) of the clock `enterprise` lives by, and moves
    /// it forward to `now` when given.
    public func configureClock(
        mode: ClockMode?, scale: Double?, now target: Timestamp?, for enterprise: String? = nil
    ) throws(SimError) -> ClockReading {
        if let scale, !SimClock.acceptsScale(scale) {
            throw .rejected("Clock", field: "scale", code: .invalid, message: "scale must be a number above 0 and at most 1000000")
        }
        if let target { try advance(to: target, field: "now", for: enterprise) }
        let wall = wallMilliseconds
        return readWorld(for: enterprise) { world, _ in
            let owner = world.ownClockName(enterprise)
            let clock = world.clock(ownClockOf: owner)
            world.configureClock(mode: mode ?? clock.mode, scale: scale ?? clock.scale, wallMilliseconds: wall, ownClockOf: owner)
            let configured = world.clock(ownClockOf: owner)
            return ClockReading(now: configured.now(wallMilliseconds: wall), mode: configured.mode, scale: configured.scale, isOwn: owner != nil)
        }
    }

    /// The wall time (milliseconds since the epoch) at which the next scheduled work of a real
    /// clock (the world's or an enterprise's own) falls due; nil when none will by itself.
    public func wallTimeOfNextDueWork() -> Int64? {
        readWorld { world, _ in
            var times = [world.scheduler.nextDueTime.flatMap { world.clock.wallMilliseconds(whenReading: $0) }]
            for owner in world.realOwnClocks {
                let clock = world.clock(ownClockOf: owner)
                times.append(world.nextDueTime(ownClockOf: owner).flatMap { clock.wallMilliseconds(whenReading: $0) })
            }
            return times.compactMap { $0 }.min()
        }
    }

    /// Back to the loaded seed: enterprises as seeded, created ones removed, clock at the start
    /// time, pending work dropped. Returns the clock's reading.
    @discardableResult
    public func reset() -> Timestamp {
        let wall = wallMilliseconds
        return readWorld { world, _ in
            world.reset(wallMilliseconds: wall)
            return world.clock.now(wallMilliseconds: wall)
        }
    }
}

extension Simulator {
    /// Runs the work real clocks have made due, the world's and every enterprise's own (every
    /// call does this first for the world clock and the clock of the enterprise it concerns; the
    /// real-clock service calls it when nothing else does).
    public func runWorkDueNow() {
        let wall = wallMilliseconds
        let ready = readWorld { world, _ in
            var ready: [PushRequest] = []
            for owner in world.realOwnClocks.sorted() {
                world.runDueWork(upTo: world.now(of: owner, wallMilliseconds: wall), ownClockOf: owner)
                ready += Self.handOff(&world, ownClockOf: owner)
            }
            return ready
        }
        if !ready.isEmpty { hand(ready) }
    }
}
