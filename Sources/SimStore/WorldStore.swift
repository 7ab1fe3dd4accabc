import Foundation
import GRDB
import SimCore

/// Keeps a simulator's world in a SQLite database in a folder (`serve --data-dir DIR`), so that it
/// survives a restart or a crash. The world is kept as rows of its parts (format 3, see
/// ``StoreFormat``): the clock, each piece of pending work, and per enterprise its core, each SIM,
/// each change-log entry, delivery, batch job and SMS; a write touches the rows of what changed.
/// Writes run on GRDB's writer queue (never on the caller's thread), in WAL mode with
/// `synchronous=FULL`: a write is on disk when it returns.
///
/// ```swift
/// let store = try WorldStore(directory: "/var/lib/smarthub-sim")
/// if let state = try store.load(resumingAt: wallNow) { simulator.importState(state) }
/// try await store.write([simulator.takeChanges()])
/// ```
public final class WorldStore: Sendable {
    /// The database file's name in the folder.
    public static let fileName = "smarthub-sim.sqlite"

    private let database: DatabasePool
    /// Called before each write (tests make writes fail with it).
    let beforeWrite: @Sendable () throws -> Void

    /// Opens (creating when needed) the store in `directory`, bringing its schema up to date.
    /// - Throws: ``StoreError`` for a database of a newer format than this build reads, or one
    ///   whose world cannot be read; GRDB's error when the file is not a database.
    public convenience init(directory: String) throws {
        try self.init(directory: directory, beforeWrite: {})
    }

    init(directory: String, beforeWrite: @escaping @Sendable () throws -> Void) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        database = try DatabasePool(path: (directory as NSString).appendingPathComponent(Self.fileName), configuration: configuration)
        self.beforeWrite = beforeWrite
        let format = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        guard format <= StoreFormat.current else {
            throw StoreError(
                message:
                    "the data folder \(directory) is in store format \(format), written by a newer smarthub-sim; this one reads formats up to \(StoreFormat.current)"
            )
        }
        try StoreMigrations.migrator.migrate(database)
    }

    /// The store's format (see ``StoreFormat``).
    public func format() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The world saved in the store; nil when the store is new. A real clock is read on to the
    /// wall time `wallMilliseconds` (as if the process had kept running), so it never goes back.
    public func load(resumingAt wallMilliseconds: Int64) throws -> WorldState? {
        try database.read { db in try WorldLoader().load(from: db, resumingAt: wallMilliseconds) }
    }

    /// Like ``load(resumingAt:)``, read off the caller's thread.
    public func loadAsync(resumingAt wallMilliseconds: Int64) async throws -> WorldState? {
        try await database.read { db in try WorldLoader().load(from: db, resumingAt: wallMilliseconds) }
    }

    /// Writes `changes`, in order, in one transaction with one sync to disk.
    public func write(_ changes: [WorldChangeSet]) async throws {
        try beforeWrite()
        try await database.write { db in
            let writer = ChangeSetWriter()
            for set in changes { try writer.apply(set, to: db) }
        }
    }

    /// The snapshots saved, in name order.
    public func loadSnapshots() throws -> [(name: String, state: WorldState)] {
        try database.read { db in
            try SnapshotRecord.order(Column("name")).fetchAll(db).map { ($0.name, try JSONDecoder().decode(WorldState.self, from: $0.document)) }
        }
    }

    /// Replaces the snapshots saved with `snapshots`, in one transaction.
    public func saveSnapshots(_ snapshots: [(name: String, state: WorldState)]) async throws {
        try beforeWrite()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let records = try snapshots.map { SnapshotRecord(name: $0.name, document: try encoder.encode($0.state)) }
        try await database.write { db in
            _ = try SnapshotRecord.deleteAll(db)
            for record in records { try record.insert(db) }
        }
    }

    /// The names of the enterprises saved.
    public func enterpriseNames() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM enterprise_core")) }
    }

    /// The number of rows of `table` (for tests and measurements).
    func rowCount(of table: String) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
