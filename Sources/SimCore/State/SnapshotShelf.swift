/// The named snapshots a simulator keeps, with a revision that counts their changes (for a store
/// that saves them).
struct SnapshotShelf: Sendable {
    /// The snapshots by name.
    private(set) var entries: [String: (info: SnapshotInfo, state: WorldState)] = [:]
    /// Bumped by every change of the shelf.
    private(set) var revision: UInt64 = 0

    /// Keeps `state` under `name`, replacing an earlier snapshot of that name.
    mutating func put(_ state: WorldState, named name: String) -> SnapshotInfo {
        let info = SnapshotInfo(name: name, takenAt: state.now, enterpriseNames: state.enterpriseNames)
        entries[name] = (info, state)
        revision &+= 1
        return info
    }

    /// Forgets `name`; false when there is no such snapshot.
    mutating func remove(_ name: String) -> Bool {
        guard entries.removeValue(forKey: name) != nil else { return false }
        revision &+= 1
        return true
    }

    /// The snapshots, in name order.
    var all: [(info: SnapshotInfo, state: WorldState)] { entries.values.sorted { $0.info.name < $1.info.name } }
}
