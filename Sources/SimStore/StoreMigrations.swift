import Foundation
import GRDB
import SimCore

/// The versions of the store's schema, applied in order to a database that lacks them.
enum StoreMigrations {
    /// The migrator of every version so far.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: world and enterprises") { db in
            try db.create(table: "world") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("header", .blob).notNull()
                table.column("revision", .integer).notNull()
            }
            try db.create(table: "enterprise") { table in
                table.primaryKey("name", .text)
                table.column("document", .blob).notNull()
            }
        }
        migrator.registerMigration("v2: snapshots") { db in
            try db.create(table: SnapshotRecord.databaseTableName) { table in
                table.primaryKey("name", .text)
                table.column("document", .blob).notNull()
            }
        }
        migrator.registerMigration("v3: a row per part") { db in
            try createRowTables(db)
            try moveEnterpriseDocumentsToRows(db)
            try db.drop(table: "enterprise")
            try db.drop(table: "world")
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        return migrator
    }

    /// The tables of format 3: the clock, pending work, and per enterprise its core, the work on its own clock, SIMs,
    /// change log, deliveries, batch jobs and SMS.
    private static func createRowTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE clock (
                    id INTEGER PRIMARY KEY CHECK (id = 1), now_ms INTEGER NOT NULL, wall_ms INTEGER, mode TEXT NOT NULL,
                    scale REAL NOT NULL, next_tenant_serial INTEGER NOT NULL, next_work_sequence INTEGER NOT NULL);
                CREATE TABLE scheduled_work (
                    sequence INTEGER PRIMARY KEY, due_ms INTEGER NOT NULL, serial INTEGER NOT NULL, enterprise TEXT NOT NULL, kind TEXT NOT NULL,
                    key1 TEXT, key2 TEXT, number INTEGER);
                CREATE TABLE own_scheduled_work (
                    enterprise TEXT NOT NULL, sequence INTEGER NOT NULL, due_ms INTEGER NOT NULL, serial INTEGER NOT NULL, kind TEXT NOT NULL,
                    key1 TEXT, key2 TEXT, number INTEGER, PRIMARY KEY (enterprise, sequence)) WITHOUT ROWID;
                CREATE TABLE enterprise_core (name TEXT PRIMARY KEY, document BLOB NOT NULL, clock_wall_ms INTEGER);
                CREATE TABLE sim (
                    enterprise TEXT NOT NULL, iccid TEXT NOT NULL, imsi TEXT NOT NULL, msisdn TEXT NOT NULL, imei TEXT, eid TEXT,
                    status TEXT NOT NULL, account TEXT NOT NULL, sku TEXT, basic_package TEXT, share_pool TEXT, apn_name TEXT NOT NULL,
                    apn_status TEXT NOT NULL, activated_ms INTEGER, created_ms INTEGER NOT NULL, status_changed_ms INTEGER NOT NULL,
                    usage_cycle TEXT NOT NULL, cycle_data_bytes INTEGER NOT NULL, cycle_sms INTEGER NOT NULL, test_data_bytes INTEGER NOT NULL,
                    last_session_ms INTEGER, last_country TEXT, extras BLOB, term_order_id TEXT, term_package TEXT, term_start_ms INTEGER,
                    term_expire_ms INTEGER, term_used_bytes INTEGER, term_quota_bytes INTEGER, term_status TEXT, term_thresholds TEXT,
                    PRIMARY KEY (enterprise, iccid)) WITHOUT ROWID;
                CREATE TABLE change_log (
                    enterprise TEXT NOT NULL, position INTEGER NOT NULL, giccid TEXT NOT NULL, type TEXT NOT NULL, before TEXT, after TEXT,
                    time_ms INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (enterprise, position)) WITHOUT ROWID;
                CREATE TABLE delivery (enterprise TEXT NOT NULL, position INTEGER NOT NULL, document BLOB NOT NULL, PRIMARY KEY (enterprise, position));
                CREATE TABLE batch_job (enterprise TEXT NOT NULL, job_id TEXT NOT NULL, document BLOB NOT NULL, PRIMARY KEY (enterprise, job_id));
                CREATE TABLE mt_sms (enterprise TEXT NOT NULL, sms_id TEXT NOT NULL, document BLOB NOT NULL, PRIMARY KEY (enterprise, sms_id));
                """)
    }

    /// Format 1 and 2 kept the header and each enterprise as one JSON document (the state
    /// document's form, format version 1): they are read and written again as rows.
    private static func moveEnterpriseDocumentsToRows(_ db: Database) throws {
        guard let header = try Data.fetchOne(db, sql: "SELECT header FROM world WHERE id = 1") else { return }
        let decoder = JSONDecoder()
        do {
            let header = try decoder.decode(WorldStateHeader.self, from: header)
            let enterprises = try Data.fetchAll(db, sql: "SELECT document FROM enterprise ORDER BY name").map {
                try decoder.decode(EnterpriseState.self, from: $0)
            }
            let state = try WorldState(header: header, enterprises: enterprises)
            try ChangeSetWriter().apply(state.wholeChangeSet(wallMilliseconds: nil), to: db)
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw StoreError(message: "the data folder's world (format 2) cannot be read: \(error)")
        }
    }
}
