/// One share pool of an account as written (seed-data/README.md, "Share pool").
///
/// ```yaml
/// - name: "Metering-Pool-10G"
///   quotaBytes: 10737418240
/// ```
struct SharePoolEntry: SeedEntry {
    /// The keys of a share pool.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, quotaBytes
    }

    /// The pool name, unique within the enterprise.
    var name: String
    /// The data shared by the pool's members, in bytes.
    var quotaBytes: Int64
    /// Where the pool's keys are in the file.
    var location: EntryLocation

    /// Decodes a share pool, reporting every problem of it.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "share pool")
        let name: String? = reader.required(.name)
        let quotaBytes: Int64? = reader.required(.quotaBytes)
        try reader.finish()
        guard let name, let quotaBytes else { throw reader.failure }
        self.name = name
        self.quotaBytes = quotaBytes
        self.location = reader.location
    }
}
