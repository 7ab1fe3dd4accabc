import Foundation
import GRDB
import SimCore

/// Keeps a simulator's world in a SQLite database in a folder (`serve --data-dir DIR`), so that it
/// survives a restart or a crash: one row for the clock and the pending work, one row per
/// enterprise, one row per named snapshot. The database runs in WAL mode with `synchronous=FULL`: a save is on disk when it
/// returns.
///
/// ```swift
/// let store = try WorldStore(directory: "/var/lib/smarthub-sim")
/// if let state = try store.load() { simulator.importState(state) }
/// let saver = WorldSaver(simulator: simulator, store: store)
/// try saver.save()   // after every change, before answering
/// ```
public final class WorldStore: Sendable {
    /// The database file's name in the folder.
    public static let fileName = "smarthub-sim.sqlite"

    private let database: DatabasePool

    /// Opens (creating when needed) the store in `directory`, bringing its schema up to date.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        database = try DatabasePool(path: (directory as NSString).appendingPathComponent(Self.fileName), configuration: configuration)
        try StoreMigrations.migrator.migrate(database)
    }

    /// The world saved in the store; nil when the store is new.
    public func load() throws -> WorldState? {
        try database.read { db in
            guard let world = try WorldRecord.fetchOne(db) else { return nil }
            let decoder = JSONDecoder()
            let header = try decoder.decode(WorldStateHeader.self, from: world.header)
            let enterprises = try EnterpriseRecord.fetchAll(db).map { try decoder.decode(EnterpriseState.self, from: $0.document) }
            return try WorldState(header: header, enterprises: enterprises)
        }
    }

    /// The snapshots saved, in name order.
    public func loadSnapshots() throws -> [(name: String, state: WorldState)] {
        try database.read { db in
            try SnapshotRecord.order(Column("name")).fetchAll(db).map { ($0.name, try JSONDecoder().decode(WorldState.self, from: $0.document)) }
        }
    }

    /// Replaces the snapshots saved with `snapshots`, in one transaction.
    public func saveSnapshots(_ snapshots: [(name: String, state: WorldState)]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let records = try snapshots.map { SnapshotRecord(name: $0.name, document: try encoder.encode($0.state)) }
        try database.write { db in
            _ = try SnapshotRecord.deleteAll(db)
            for record in records { try record.insert(db) }
        }
    }

    /// The names of the enterprises saved.
    public func enterpriseNames() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM \(EnterpriseRecord.databaseTableName)")) }
    }

    /// Saves `changes` in one transaction: the header, each changed enterprise, and the removal of
    /// the saved enterprises in `removed`.
    public func save(_ changes: WorldChanges, removing removed: Set<String>) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(changes.header)
        let enterprises = try changes.changedEnterprises.map { EnterpriseRecord(name: $0.name, document: try encoder.encode($0)) }
        try database.write { db in
            try WorldRecord(header: header, revision: Int64(bitPattern: changes.revision)).save(db)
            for record in enterprises { try record.save(db) }
            for name in removed { _ = try EnterpriseRecord.deleteOne(db, key: name) }
        }
    }
}
