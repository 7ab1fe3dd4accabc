import GRDB

/// The versions of the store's schema, applied in order to a database that lacks them.
enum StoreMigrations {
    /// The migrator of every version so far.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: world and enterprises") { db in
            try db.create(table: WorldRecord.databaseTableName) { table in
                table.primaryKey("id", .integer).check { $0 == WorldRecord.onlyId }
                table.column("header", .blob).notNull()
                table.column("revision", .integer).notNull()
            }
            try db.create(table: EnterpriseRecord.databaseTableName) { table in
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
        return migrator
    }
}
