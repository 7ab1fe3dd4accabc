/// Usage per billing cycle and country of one enterprise: the MCCs seen, data, SMS and SIMs.
struct CountryStatistics: Sendable, Codable {
    /// What one country saw in one cycle.
    struct Entry: Equatable, Sendable, Codable {
        var mccs: Set<String> = []
        var dataBytes: Int64 = 0
        var smsCount: Int = 0
        var giccids: Set<String> = []

        init() {}

        private enum CodingKeys: String, CodingKey { case mccs, dataBytes, smsCount, giccids }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            mccs = Set(try container.decode([String].self, forKey: .mccs))
            dataBytes = try container.decode(Int64.self, forKey: .dataBytes)
            smsCount = try container.decode(Int.self, forKey: .smsCount)
            giccids = Set(try container.decode([String].self, forKey: .giccids))
        }

        /// Sets are written sorted, so the same statistics always read the same.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mccs.sorted(), forKey: .mccs)
            try container.encode(dataBytes, forKey: .dataBytes)
            try container.encode(smsCount, forKey: .smsCount)
            try container.encode(giccids.sorted(), forKey: .giccids)
        }
    }

    private var entries: [String: [String: Entry]] = [:]

    /// Counts a data session of `giccid` in `countryCode` (seen through `mcc`).
    mutating func recordData(_ bytes: Int64, giccid: String, countryCode: String, mcc: String, cycleName: String) {
        entries[cycleName, default: [:]][countryCode, default: Entry()].mccs.insert(mcc)
        entries[cycleName]![countryCode]!.dataBytes = entries[cycleName]![countryCode]!.dataBytes.addingSaturated(bytes)
        entries[cycleName]![countryCode]!.giccids.insert(giccid)
    }

    /// Counts SMS of `giccid` in `countryCode`.
    mutating func recordSMS(_ count: Int, giccid: String, countryCode: String, cycleName: String) {
        entries[cycleName, default: [:]][countryCode, default: Entry()].smsCount += count
        entries[cycleName]![countryCode]!.giccids.insert(giccid)
    }

    /// The countries of one cycle, in country-code order.
    func countries(inCycle cycleName: String) -> [CountryUsage] {
        (entries[cycleName] ?? [:]).sorted { $0.key < $1.key }.map { code, entry in
            CountryUsage(
                countryCode: code, mccs: entry.mccs.sorted(), dataBytes: entry.dataBytes, smsCount: entry.smsCount,
                simCount: entry.giccids.count)
        }
    }
}

/// One country's usage in one billing cycle (`GET /global-sims/statistics/countries`).
public struct CountryUsage: Equatable, Sendable {
    /// ISO 3166-1 alpha-2 (`XZ` for international networks, MCC 901).
    public var countryCode: String
    public var mccs: [String]
    public var dataBytes: Int64
    public var smsCount: Int
    /// The SIMs that used a network of the country.
    public var simCount: Int
}
