import Synchronization

/// A clock that stands still until the test moves it: `sleep(until:)` suspends until ``advance(by:)``
/// carries the clock to the deadline, so a service that waits on an injected clock runs its next turn
/// exactly when the test says, with no real waiting.
///
/// ```swift
/// let clock = TestClock()
/// let task = Task { try await clock.sleep(for: .seconds(5)) }
/// await clock.waitForSleepers(1)   // the task is now waiting on the clock
/// clock.advance(by: .seconds(5))    // and is woken
/// try await task.value
/// ```
public final class TestClock: Clock, Sendable {
    /// A point on a test clock: the time since the clock was made.
    public struct Instant: InstantProtocol, Sendable {
        /// Time since the clock was made.
        public var offset: Duration

        /// The instant `offset` after the clock was made.
        public init(offset: Duration) { self.offset = offset }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        public func duration(to other: Instant) -> Duration { other.offset - offset }

        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// One suspended `sleep`: when it is due and how to wake it.
    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// One test waiting for a number of sleepers.
    private struct SleeperWatch {
        let count: Int
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextId = 0
        var sleepers: [Int: Sleeper] = [:]
        var watches: [SleeperWatch] = []

        /// Takes out the watches whose count the sleepers now reach.
        mutating func satisfiedWatches() -> [SleeperWatch] {
            let satisfied = watches.filter { $0.count <= sleepers.count }
            watches.removeAll { $0.count <= sleepers.count }
            return satisfied
        }
    }

    private let state = Mutex(State())

    /// A clock reading zero.
    public init() {}

    /// The clock's reading: moved only by ``advance(by:)``.
    public var now: Instant { state.withLock { $0.now } }

    /// Any duration can be slept.
    public var minimumResolution: Duration { .zero }

    /// How many tasks sleep on the clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The deadlines of the tasks sleeping on the clock now, earliest first.
    public var sleeperDeadlines: [Instant] { state.withLock { $0.sleepers.values.map(\.deadline).sorted() } }

    /// Suspends until the clock reaches `deadline` (at once when it has); throws `CancellationError`
    /// when the task is cancelled first.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { state in
            state.nextId += 1
            return state.nextId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, watches): (Result<Void, any Error>?, [SleeperWatch]) = state.withLock { state in
                    // Checked under the lock: a cancellation that came before is seen here, one after finds the sleeper.
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    if deadline <= state.now { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (nil, state.satisfiedWatches())
                }
                if let outcome { continuation.resume(with: outcome) }
                for watch in watches { watch.continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock on by `duration` and wakes every sleeper whose deadline it reaches.
    public func advance(by duration: Duration) {
        let woken = state.withLock { state in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// Returns once at least `count` tasks sleep on the clock: a test's sign that a service reached
    /// its next wait (and so finished the turn before it).
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.sleepers.count >= count { return true }
                state.watches.append(SleeperWatch(count: count, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
