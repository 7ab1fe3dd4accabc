import Foundation
import GRDB

/// The one row of table `world`: the clock, the pending work and the serials (a
/// ``SimCore/WorldStateHeader`` as JSON), and the revision of the world they were saved at.
struct WorldRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "world"
    /// The id of the only row.
    static let onlyId: Int64 = 1

    var id: Int64 = WorldRecord.onlyId
    var header: Data
    var revision: Int64
}
