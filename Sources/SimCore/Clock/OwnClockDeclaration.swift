/// How an enterprise asks for a clock of its own (`"clock": "own"` with `start`, `mode` and
/// `scale` in `POST /_sim/enterprises`, or `clock:` in a seed entry).
///
/// ```swift
/// let declaration = OwnClockDeclaration(start: nil, mode: .manual, scale: 1)   // starts at the world clock's reading
/// ```
public struct OwnClockDeclaration: Equatable, Sendable {
    /// The clock's first reading; nil for the world clock's reading when the enterprise is made.
    public var start: Timestamp?
    /// How the clock moves.
    public var mode: ClockMode
    /// Simulated seconds per wall second in real mode (above 0, at most 1,000,000).
    public var scale: Double

    /// A declaration with every part given.
    public init(start: Timestamp? = nil, mode: ClockMode = .manual, scale: Double = 1) {
        self.start = start
        self.mode = mode
        self.scale = scale
    }

    /// Refuses a start past the last writable moment or a scale out of range.
    /// - Throws: `invalid` on `start` or `scale`.
    public func check() throws(SimError) {
        if let start, start > .latest {
            throw .rejected("Clock", field: "start", code: .invalid, message: "the clock cannot start past \(Timestamp.latest.smarthubString)")
        }
        guard SimClock.acceptsScale(scale) else {
            throw .rejected("Clock", field: "scale", code: .invalid, message: "scale must be a number above 0 and at most 1000000")
        }
    }
}
