extension Simulator {
    /// The whole world now: clock, pending work and every enterprise (`GET /_sim/state`).
    public func exportState() -> WorldState {
        let wall = wallMilliseconds
        return readWorld { world, now in world.state(at: now, wallMilliseconds: wall) }
    }

    /// Replaces the whole world with `state` (`PUT /_sim/state`); the clock resumes from the
    /// state's reading, in its mode and scale. `reset` still returns to the loaded seed.
    public func importState(_ state: WorldState) {
        let wall = wallMilliseconds
        readWorld { world, _ in world.load(state, wallMilliseconds: wall) }
    }

    /// Keeps the world as it is now under `name`, replacing an earlier snapshot of that name.
    /// - Throws: `invalid` for a name that is not 1 to 100 characters of letters, digits, `.`, `_` or `-`.
    @discardableResult
    public func saveSnapshot(named name: String) throws(SimError) -> SnapshotInfo {
        guard (1...100).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw .rejected("Snapshot", field: "name", code: .invalid, message: "a name is 1 to 100 letters, digits, '.', '_' or '-'")
        }
        let state = exportState()
        return snapshots.withLock { $0.put(state, named: name) }
    }

    /// The snapshots kept, in name order.
    public func snapshotList() -> [SnapshotInfo] {
        snapshots.withLock { $0.all.map(\.info) }
    }

    /// Puts the world back as it was when the snapshot `name` was taken; the snapshot is kept.
    /// - Throws: `notFound` for an unknown name.
    @discardableResult
    public func restoreSnapshot(named name: String) throws(SimError) -> SnapshotInfo {
        guard let (info, state) = snapshots.withLock({ $0.entries[name] }) else { throw .notFound("Snapshot", field: "name") }
        importState(state)
        return info
    }

    /// Forgets the snapshot `name`.
    /// - Throws: `notFound` for an unknown name.
    public func deleteSnapshot(named name: String) throws(SimError) {
        guard snapshots.withLock({ $0.remove(name) }) else { throw .notFound("Snapshot", field: "name") }
    }

    /// Every snapshot with its state, when the snapshots changed since `revision` (always when
    /// nil), for a store that saves them; nil when they did not.
    public func snapshots(changedSince revision: UInt64?) -> (revision: UInt64, snapshots: [(name: String, state: WorldState)])? {
        snapshots.withLock { shelf in
            guard revision != shelf.revision else { return nil }
            return (shelf.revision, shelf.all.map { ($0.info.name, $0.state) })
        }
    }

    /// Puts back snapshots a store kept (at start).
    public func loadSnapshots(_ kept: [(name: String, state: WorldState)]) {
        snapshots.withLock { shelf in
            for (name, state) in kept { _ = shelf.put(state, named: name) }
        }
    }
}

/// A snapshot kept by the simulator: its name, the clock's reading when it was taken, and the
/// enterprises it holds.
public struct SnapshotInfo: Equatable, Sendable {
    public var name: String
    public var takenAt: Timestamp
    public var enterpriseNames: [String]
}
