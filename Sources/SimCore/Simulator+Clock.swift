/// What the clock reads and how it moves.
public struct ClockReading: Equatable, Sendable {
    public var now: Timestamp
    public var mode: ClockMode
    public var scale: Double
}

extension Simulator {
    /// The clock's current reading, mode and scale.
    public func clockReading() -> ClockReading {
        readWorld { world, now in ClockReading(now: now, mode: world.clock.mode, scale: world.clock.scale) }
    }

    /// Moves the clock forward to `target`, running in time order every piece of work that falls
    /// due on the way, each at its own due time. Push attempts that fall due go to
    /// ``deliveryRequests`` (``advanceAndDeliver(to:field:)`` makes them and waits instead).
    /// - Throws: `invalid` on `field` when `target` is before the current time or after ``Timestamp/latest``.
    @discardableResult
    public func advance(to target: Timestamp, field: String = "to") throws(SimError) -> Timestamp {
        try advance(field: field) { _ in target }
    }

    /// Moves the clock forward to the target computed from its reading, in the same step.
    private func advance(field: String, destination: (Timestamp) -> Timestamp) throws(SimError) -> Timestamp {
        let wall = wallMilliseconds
        return try withWorld { world, now throws(SimError) in
            let target = destination(now)
            try Self.check(target, from: now, field: field)
            world.runDueWork(upTo: target)
            world.clock.set(target, wallMilliseconds: wall)
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

    /// Moves the clock forward by `duration` from its reading in the same step (see ``advance(to:field:)``).
    @discardableResult
    public func advance(by duration: SimDuration) throws(SimError) -> Timestamp {
        try advance(field: "by") { now in now.adding(duration) }
    }

    /// Changes the clock's mode and scale (each when given), and moves it forward to `now` when given.
    public func configureClock(mode: ClockMode?, scale: Double?, now target: Timestamp?) throws(SimError) -> ClockReading {
        if let scale, !(scale > 0 && scale.isFinite && scale <= 1_000_000) {
            throw .rejected("Clock", field: "scale", code: .invalid, message: "scale must be a number above 0 and at most 1000000")
        }
        if let target { try advance(to: target, field: "now") }
        let wall = wallMilliseconds
        return readWorld { world, _ in
            world.clock.configure(mode: mode ?? world.clock.mode, scale: scale ?? world.clock.scale, wallMilliseconds: wall)
            return ClockReading(now: world.clock.now(wallMilliseconds: wall), mode: world.clock.mode, scale: world.clock.scale)
        }
    }

    /// In real mode, the wall time (milliseconds since the epoch) at which the next scheduled work
    /// falls due; nil when nothing is scheduled or the clock is manual.
    public func wallTimeOfNextDueWork() -> Int64? {
        readWorld { world, _ in world.scheduler.nextDueTime.flatMap { world.clock.wallMilliseconds(whenReading: $0) } }
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
    /// Runs the work a real clock has made due (every call does this first; the real-clock
    /// service calls it when nothing else does).
    public func runWorkDueNow() {
        readWorld { _, _ in }
    }
}
