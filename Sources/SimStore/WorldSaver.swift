import Foundation
import SimCore
import Synchronization

/// Saves what changed in a simulator's world to its ``WorldStore``, with group commit: the
/// changes of concurrent callers are written together, in one transaction and one sync to disk,
/// by whichever caller finds the writer idle; the others wait (without holding a thread) until the
/// write holding their changes is on disk.
///
/// When a write fails, nothing stays half-applied: the world is put back as the store holds it
/// (the changes not on disk are undone, and every caller waiting for them hears the failure), and
/// the saver refuses changes (``isUnavailable``) until a write succeeds again (``recover()``).
///
/// ```swift
/// let saver = WorldSaver(simulator: simulator, store: store)
/// try await saver.save()   // after a change, before answering
/// ```
public final class WorldSaver: Sendable {
    private let simulator: Simulator
    private let store: WorldStore
    private let wallMilliseconds: @Sendable () -> Int64
    private let state = Mutex(State())

    private struct State {
        /// Change sets taken, not written yet, with their tickets.
        var queue: [(ticket: UInt64, changes: WorldChangeSet)] = []
        /// The ticket of the last set taken, and of the last set on disk.
        var taken: UInt64 = 0
        var written: UInt64 = 0
        /// True while a caller writes.
        var writing = false
        /// Callers waiting for their ticket to be written.
        var waiters: [(ticket: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        /// Why the store failed, until a write succeeds again.
        var failure: (any Error)?
        /// The snapshot revision saved last.
        var snapshotRevision: UInt64?
    }

    /// A saver of `simulator` into `store`; its first save writes the whole world (unless
    /// ``markSaved()`` says the store holds it already). `wallMilliseconds` reads the machine's clock.
    public init(simulator: Simulator, store: WorldStore, wallMilliseconds: @escaping @Sendable () -> Int64) {
        self.simulator = simulator
        self.store = store
        self.wallMilliseconds = wallMilliseconds
    }

    /// Records that the store holds the world as it is now (just loaded from it).
    public func markSaved() {
        simulator.markAllSaved()
        state.withLock { $0.snapshotRevision = simulator.snapshots(changedSince: nil)?.revision }
    }

    /// True while the store cannot be written: changes are refused until ``recover()`` succeeds.
    public var isUnavailable: Bool { state.withLock { $0.failure != nil } }

    /// Why the store cannot be written, while it cannot.
    public var failureDescription: String? { state.withLock { $0.failure.map { "\($0)" } } }

    /// Returns once every change made before the call is on disk.
    /// - Throws: the store's error when the write failed (the changes it held are undone), or
    ///   ``StoreError`` while the store is unavailable (a change made meanwhile is undone too).
    public func save() async throws {
        let taken = state.withLock { state -> (ticket: UInt64, leads: Bool)? in
            guard state.failure == nil else { return nil }
            // Taken under the saver's lock, so sets are queued in the order the world made them.
            let changes = simulator.takeChanges()
            if !changes.isEmpty {
                state.taken += 1
                state.queue.append((state.taken, changes))
            }
            let leads = !state.writing && state.written < state.taken
            if leads { state.writing = true }
            return (state.taken, leads)
        }
        guard let (ticket, leads) = taken else {
            // A change made while the store failed (by a request admitted just before) is undone too.
            await undoUnsaved()
            throw StoreError(message: "the data folder cannot be written (\(failureDescription ?? "unknown error")); the change was undone")
        }
        if leads { await writeQueued() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            state.withLock { state in
                if state.written >= ticket {
                    continuation.resume()
                } else if let failure = state.failure {
                    continuation.resume(throwing: failure)
                } else {
                    state.waiters.append((ticket, continuation))
                }
            }
        }
        try await saveSnapshotsIfChanged()
    }

    /// Writes what is queued, group by group, until the queue is empty; then lets the next caller lead.
    private func writeQueued() async {
        while true {
            let group = state.withLock { state -> [(ticket: UInt64, changes: WorldChangeSet)] in
                defer { state.queue = [] }
                if state.queue.isEmpty { state.writing = false }
                return state.queue
            }
            guard let last = group.last?.ticket else { return }
            do {
                try await store.write(group.map(\.changes))
                let ready = state.withLock { state in
                    state.written = last
                    let ready = state.waiters.filter { $0.ticket <= last }
                    state.waiters.removeAll { $0.ticket <= last }
                    return ready.map(\.continuation)
                }
                for continuation in ready { continuation.resume() }
            } catch {
                await fail(error)
                return
            }
        }
    }

    /// Undoes what is not on disk and refuses changes until a write succeeds.
    private func fail(_ error: any Error) async {
        let waiting = state.withLock { state in
            state.failure = error
            state.queue = []
            state.writing = false
            defer { state.waiters = [] }
            return state.waiters.map(\.continuation)
        }
        await undoUnsaved()
        for continuation in waiting { continuation.resume(throwing: error) }
    }

    /// Puts the world back as the store holds it; when the store cannot be read, the next write
    /// (on recovery) writes the whole world instead.
    private func undoUnsaved() async {
        do {
            if let saved = try await store.loadAsync(resumingAt: wallMilliseconds()) {
                simulator.importState(saved)
                simulator.markAllSaved()
            }
        } catch {
            simulator.markAllUnsaved()
        }
    }

    /// Tries a write again after a failure: what changed since (the clock at least, or the whole
    /// world when it could not be put back as stored). Returns true when the store is writable
    /// again and changes are accepted.
    @discardableResult
    public func recover() async -> Bool {
        let recovering = state.withLock { state in
            guard state.failure != nil, !state.writing else { return false }
            state.writing = true
            return true
        }
        guard recovering else { return !isUnavailable }
        let changes = simulator.takeChanges()
        do {
            try await store.write([changes])
            state.withLock { state in
                // The sets lost with the failure were undone: no caller waits for them any more.
                state.written = state.taken
                state.failure = nil
                state.writing = false
            }
            return true
        } catch {
            // The changes taken were not written: the next try writes the whole world.
            simulator.markAllUnsaved()
            state.withLock { $0.writing = false }
            return false
        }
    }

    private func saveSnapshotsIfChanged() async throws {
        let revision = state.withLock { $0.snapshotRevision }
        guard let (newRevision, snapshots) = simulator.snapshots(changedSince: revision) else { return }
        try await store.saveSnapshots(snapshots)
        state.withLock { $0.snapshotRevision = newRevision }
    }
}
