import Synchronization

/// A small lock for the few values the core shares outside the simulator's world lock.
final class SpinLock: Sendable {
    private let mutex = Mutex(())

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        try mutex.withLock { _ in try body() }
    }
}
