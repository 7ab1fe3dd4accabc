import SimCore

/// A whole seed document as written in the file (seed-data/README.md, "Document").
///
/// ```yaml
/// version: 1
/// startTime: "2025-03-15T08:00:00+0000"
/// randomSeed: 20250315
/// enterprises: [ … ]
/// ```
struct SeedDocument: SeedEntry {
    /// The keys of the document.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, startTime, randomSeed, enterprises, settings
    }

    /// The format version; only 1 is accepted (checked by ``SeedValidator``).
    var version: Int
    /// Where the simulator clock starts.
    var startTime: Timestamp
    /// The seed of generated ids.
    var randomSeed: UInt64
    /// The enterprises; the first is the demo enterprise.
    var enterprises: [EnterpriseEntry]
    /// How the platform behaves for every enterprise; the defaults when absent.
    var settings: SettingsEntry?
    /// Where the document's keys are in the file.
    var location: EntryLocation

    /// Decodes the document, reporting every problem of every entry.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "document")
        let version: Int? = reader.required(.version)
        let startTime = reader.requiredTime(.startTime)
        let randomSeed: UInt64? = reader.required(.randomSeed)
        let enterprises: [EnterpriseEntry]? = reader.requiredList(.enterprises)
        let settings: SettingsEntry? = reader.optional(.settings)
        try reader.finish()
        guard let version, let startTime, let randomSeed, let enterprises else { throw reader.failure }
        self.version = version
        self.startTime = startTime
        self.randomSeed = randomSeed
        self.enterprises = enterprises
        self.settings = settings
        self.location = reader.location
    }
}
