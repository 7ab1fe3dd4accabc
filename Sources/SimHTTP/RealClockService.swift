import Hummingbird
import ServiceLifecycle
import SimCore

/// Drives the simulator clock's real mode: sleeps on the wall clock until the next scheduled
/// work falls due (or a second, to notice clock changes) and lets the simulator run what is due.
/// The only place that waits for the simulator clock. It waits on `clock` (the machine's in
/// production; a test clock in tests, which then decide when each turn runs).
public struct RealClockService: Service {
    let simulator: Simulator
    let wallClock: any WallClock
    let clock: any Clock<Duration>

    /// A service for `simulator`, reading `wallClock` and waiting on `clock`.
    public init(simulator: Simulator, wallClock: any WallClock, clock: any Clock<Duration> = ContinuousClock()) {
        self.simulator = simulator
        self.wallClock = wallClock
        self.clock = clock
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            let now = wallClock.nowMilliseconds()
            let wait = simulator.wallTimeOfNextDueWork().map { max(1, min(1000, $0 - now)) } ?? 1000
            do {
                try await clock.sleep(for: .milliseconds(wait))
            } catch {
                return
            }
            simulator.runWorkDueNow()
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// True when the task is cancelled or the service group is shutting down gracefully.
    static var isCancelledOrShuttingDown: Bool { isCancelled || Task.isShuttingDownGracefully }
}
