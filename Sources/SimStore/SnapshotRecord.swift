import Foundation
import GRDB

/// A row of table `snapshot`: a named snapshot (a ``SimCore/WorldState`` as JSON).
struct SnapshotRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "snapshot"

    var name: String
    var document: Data
}
