import Foundation
import GRDB

/// A row of table `enterprise`: one enterprise with all it owns (a ``SimCore/EnterpriseState`` as JSON).
struct EnterpriseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enterprise"

    var name: String
    var document: Data
}
