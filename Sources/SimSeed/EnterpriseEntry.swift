import SimCore

/// One enterprise of a seed document as written (seed-data/README.md, "Enterprise").
///
/// ```yaml
/// - name: "Demo IoT Ltd"
///   apiKey: "demo-key-0d1f6a2c9e4b7385"
///   createdTime: "2024-06-03T09:00:00+0000"
///   clock: own
///   accounts: [ … ]
///   sims: [ … ]
/// ```
struct EnterpriseEntry: SeedEntry {
    /// The keys of an enterprise.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, apiKey, status, createdTime, clock, accounts, sims
    }

    /// Whether the enterprise shares the world clock or owns one (`clock`).
    enum ClockKind: String, CaseIterable {
        /// Lives by the world clock.
        case shared
        /// Lives by a clock of its own, starting at the document's `startTime` in manual mode.
        case own
    }

    /// The enterprise name, unique in the document.
    var name: String
    /// The `X-API-Key` of the enterprise, unique in the document.
    var apiKey: String
    /// The status; nil means `ENABLED`.
    var status: Enterprise.Status?
    /// The creation time; nil means the document's `startTime`.
    var createdTime: Timestamp?
    /// The clock it lives by; nil means `shared`.
    var clock: ClockKind?
    /// The accounts, in declaration order.
    var accounts: [AccountEntry]
    /// The SIMs (none when the key is absent).
    var sims: [SIMEntry]
    /// Where the enterprise's keys are in the file.
    var location: EntryLocation

    /// Decodes an enterprise, reporting every problem of it and its accounts and SIMs.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "enterprise")
        let name: String? = reader.required(.name)
        let apiKey: String? = reader.required(.apiKey)
        status = reader.optionalEnum(.status)
        createdTime = reader.optionalTime(.createdTime)
        clock = reader.optionalEnum(.clock)
        let accounts: [AccountEntry]? = reader.requiredList(.accounts)
        let sims: [SIMEntry]? = reader.optionalList(.sims)
        try reader.finish()
        guard let name, let apiKey, let accounts else { throw reader.failure }
        self.name = name
        self.apiKey = apiKey
        self.accounts = accounts
        self.sims = sims ?? []
        self.location = reader.location
    }
}
