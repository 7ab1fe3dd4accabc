/// The simulator's one clock.
///
/// In ``ClockMode/manual`` mode it reads a stored time; in ``ClockMode/real`` mode it reads the
/// stored time plus the wall time elapsed since it was stored, times `scale`. Changing mode or
/// scale re-anchors at the current reading, so the clock never jumps.
public struct SimClock: Sendable {
    /// How the clock moves.
    public private(set) var mode: ClockMode
    /// Simulated seconds per wall second in real mode.
    public private(set) var scale: Double
    private var anchor: Timestamp
    private var anchorWallMilliseconds: Int64

    /// A clock reading `start`.
    public init(start: Timestamp, mode: ClockMode, scale: Double, wallMilliseconds: Int64) {
        self.mode = mode
        self.scale = scale
        self.anchor = start
        self.anchorWallMilliseconds = wallMilliseconds
    }

    /// The simulated time when the wall clock reads `wallMilliseconds`; a real clock stops at
    /// ``Timestamp/latest``, the last moment the Smarthub format can write.
    public func now(wallMilliseconds: Int64) -> Timestamp {
        switch mode {
        case .manual:
            return anchor
        case .real:
            let elapsed = Double(max(0, wallMilliseconds - anchorWallMilliseconds)) * scale
            return min(anchor.adding(SimDuration(milliseconds: Int64(min(elapsed, 9e18)))), max(anchor, .latest))
        }
    }

    /// The reading stored at the last anchor (in manual mode, the reading).
    var anchorReading: Timestamp { anchor }

    /// True for a scale a clock accepts: above 0 and at most 1,000,000.
    public static func acceptsScale(_ scale: Double) -> Bool {
        scale > 0 && scale.isFinite && scale <= 1_000_000
    }

    /// Sets the reading to `time` at the wall moment `wallMilliseconds`.
    public mutating func set(_ time: Timestamp, wallMilliseconds: Int64) {
        anchor = time
        anchorWallMilliseconds = wallMilliseconds
    }

    /// Changes mode and scale, keeping the current reading.
    public mutating func configure(mode: ClockMode, scale: Double, wallMilliseconds: Int64) {
        let current = now(wallMilliseconds: wallMilliseconds)
        self.mode = mode
        self.scale = scale
        set(current, wallMilliseconds: wallMilliseconds)
    }

    /// The wall time at which the clock will read `time` (real mode), or nil if it never will by
    /// itself (a manual clock, or a wait longer than a hundred thousand years of wall time).
    public func wallMilliseconds(whenReading time: Timestamp) -> Int64? {
        guard mode == .real, scale > 0 else { return nil }
        let simulatedAhead = Double(time.millisecondsSinceEpoch) - Double(anchor.millisecondsSinceEpoch)
        let wait = (max(0, simulatedAhead) / scale).rounded(.up)
        guard wait.isFinite, wait < 3.2e15 else { return nil }
        return anchorWallMilliseconds + Int64(wait)
    }
}
