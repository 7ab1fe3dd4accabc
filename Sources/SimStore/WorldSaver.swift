import SimCore
import Synchronization

/// Saves what changed in a simulator's world to its ``WorldStore``, one save at a time: when
/// ``save()`` returns, every change made before it was called is on disk.
public final class WorldSaver: Sendable {
    private let simulator: Simulator
    private let store: WorldStore
    /// The revision saved last (nil before the first save) and the enterprises the store holds.
    private let saved: Mutex<(revision: UInt64?, names: Set<String>, snapshotRevision: UInt64?)>

    /// A saver of `simulator` into `store`; its first save writes the whole world.
    public init(simulator: Simulator, store: WorldStore) throws {
        self.simulator = simulator
        self.store = store
        saved = Mutex((nil, try store.enterpriseNames(), nil))
    }

    /// Writes what changed since the last save (nothing when nothing did): the world, and the
    /// snapshots when they changed.
    public func save() throws {
        try saved.withLock { saved in
            if let changes = simulator.changes(since: saved.revision) {
                try store.save(changes, removing: saved.names.subtracting(changes.enterpriseNames))
                saved.revision = changes.revision
                saved.names = changes.enterpriseNames
            }
            if let (revision, snapshots) = simulator.snapshots(changedSince: saved.snapshotRevision) {
                try store.saveSnapshots(snapshots)
                saved.snapshotRevision = revision
            }
        }
    }
}
