/// The machine's clock, as the core sees it: the only source of real time, injected by the host.
///
/// The core uses it only while the simulator clock runs in ``ClockMode/real`` mode.
public protocol WallClock: Sendable {
    /// Milliseconds since the Unix epoch, now.
    func nowMilliseconds() -> Int64
}

/// A wall clock that stands still unless moved: for tests of the real clock mode.
public final class ManualWallClock: WallClock, @unchecked Sendable {
    private let lock = SpinLock()
    private var milliseconds: Int64

    /// A clock reading `milliseconds` since the epoch.
    public init(milliseconds: Int64 = 0) { self.milliseconds = milliseconds }

    public func nowMilliseconds() -> Int64 { lock.withLock { milliseconds } }

    /// Moves the wall clock forward.
    public func advance(milliseconds delta: Int64) { lock.withLock { milliseconds += delta } }
}
