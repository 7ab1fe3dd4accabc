extension Simulator {
    /// The whole world now: clock, pending work and every enterprise (`GET /_sim/state`).
    public func exportState() -> WorldState {
        readWorld { world, now in world.state(at: now) }
    }

    /// Replaces the whole world with `state` (`PUT /_sim/state`); the clock resumes from the
    /// state's reading, in its mode and scale. `reset` still returns to the loaded seed.
    public func importState(_ state: WorldState) {
        let wall = wallMilliseconds
        readWorld { world, _ in world.load(state, wallMilliseconds: wall) }
    }

    /// What changed since `revision` (everything when nil), for a store that saves the world
    /// enterprise by enterprise; nil when nothing did.
    public func changes(since revision: UInt64?) -> WorldChanges? {
        readWorld { world, now in world.changes(since: revision, at: now) }
    }

    /// Keeps the world as it is now under `name`, replacing an earlier snapshot of that name.
    /// - Throws: `invalid` for a name that is not 1 to 100 characters of letters, digits, `.`, `_` or `-`.
    @discardableResult
    public func saveSnapshot(named name: String) throws(SimError) -> SnapshotInfo {
        guard (1...100).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw .rejected("Snapshot", field: "name", code: .invalid, message: "a name is 1 to 100 letters, digits, '.', '_' or '-'")
        }
        let state = exportState()
        let info = SnapshotInfo(name: name, takenAt: state.now, enterpriseNames: state.enterpriseNames)
        snapshots.withLock { $0[name] = (info, state) }
        return info
    }

    /// The snapshots kept, in name order.
    public func snapshotList() -> [SnapshotInfo] {
        snapshots.withLock { $0.values.map(\.info).sorted { $0.name < $1.name } }
    }

    /// Puts the world back as it was when the snapshot `name` was taken; the snapshot is kept.
    /// - Throws: `notFound` for an unknown name.
    @discardableResult
    public func restoreSnapshot(named name: String) throws(SimError) -> SnapshotInfo {
        guard let (info, state) = snapshots.withLock({ $0[name] }) else { throw .notFound("Snapshot", field: "name") }
        importState(state)
        return info
    }

    /// Forgets the snapshot `name`.
    /// - Throws: `notFound` for an unknown name.
    public func deleteSnapshot(named name: String) throws(SimError) {
        guard snapshots.withLock({ $0.removeValue(forKey: name) }) != nil else { throw .notFound("Snapshot", field: "name") }
    }
}

/// A snapshot kept by the simulator: its name, the clock's reading when it was taken, and the
/// enterprises it holds.
public struct SnapshotInfo: Equatable, Sendable {
    public var name: String
    public var takenAt: Timestamp
    public var enterpriseNames: [String]
}
