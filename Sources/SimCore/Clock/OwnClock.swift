/// A clock one enterprise owns, and the work waiting on it: the enterprise's due work runs when
/// this clock moves, never when the world clock or another enterprise's clock does.
///
/// In a state document it is the enterprise's optional `clock` field
/// (`{"now","mode","scale","scheduled"}`); an enterprise without it shares the world clock.
struct OwnClock: Sendable {
    /// The clock (its reading is the enterprise's `now`).
    var clock: SimClock
    /// The enterprise's pending work, by due time on ``clock``.
    var scheduler = Scheduler<TenantWork>()

    /// A clock reading `start`, nothing pending.
    init(start: Timestamp, mode: ClockMode, scale: Double, wallMilliseconds: Int64) {
        clock = SimClock(start: start, mode: mode, scale: scale, wallMilliseconds: wallMilliseconds)
    }

    /// The same clock and work, its reading taken at `wallMilliseconds` and stored as a fixed
    /// anchor, ready to be written to a document.
    func fixed(atWallMilliseconds wallMilliseconds: Int64) -> OwnClock {
        var copy = self
        copy.clock.set(clock.now(wallMilliseconds: wallMilliseconds), wallMilliseconds: wallMilliseconds)
        return copy
    }

    /// The same clock and work, a real clock resuming at `wallMilliseconds` from the stored reading.
    func resumed(atWallMilliseconds wallMilliseconds: Int64) -> OwnClock {
        var copy = self
        copy.clock.set(clock.anchorReading, wallMilliseconds: wallMilliseconds)
        return copy
    }
}

extension OwnClock: Codable {
    private enum CodingKeys: String, CodingKey { case now, mode, scale, scheduled }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let now = try container.decode(Timestamp.self, forKey: .now)
        let mode = try container.decode(ClockMode.self, forKey: .mode)
        let scale = try container.decode(Double.self, forKey: .scale)
        guard now <= .latest, SimClock.acceptsScale(scale) else {
            throw DecodingError.dataCorruptedError(forKey: .now, in: container, debugDescription: "the clock's reading or scale is out of range")
        }
        self.init(start: now, mode: mode, scale: scale, wallMilliseconds: 0)
        scheduler = try container.decode(Scheduler<TenantWork>.self, forKey: .scheduled)
        if let due = scheduler.nextDueTime, due > .latest {
            throw DecodingError.dataCorruptedError(forKey: .scheduled, in: container, debugDescription: "work is due after the last moment")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clock.anchorReading, forKey: .now)
        try container.encode(clock.mode, forKey: .mode)
        try container.encode(clock.scale, forKey: .scale)
        try container.encode(scheduler, forKey: .scheduled)
    }
}
