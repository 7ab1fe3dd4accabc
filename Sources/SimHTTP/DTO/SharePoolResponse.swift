import SimCore

/// The wire form of a share pool: `{name, accountName, quotaBytes, usedBytes, memberCount,
/// statusCounts}`, with every SIM status a key of `statusCounts`.
struct SharePoolResponse: Encodable, Sendable {
    let summary: SharePoolSummary

    init(_ summary: SharePoolSummary) { self.summary = summary }

    private enum Key: String, CodingKey {
        case name, accountName, quotaBytes, usedBytes, memberCount, statusCounts
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(summary.pool.name, forKey: .name)
        try container.encode(summary.pool.accountName, forKey: .accountName)
        try container.encode(summary.pool.quotaBytes, forKey: .quotaBytes)
        try container.encode(summary.usedBytes, forKey: .usedBytes)
        try container.encode(summary.memberCount, forKey: .memberCount)
        let counts = Dictionary(uniqueKeysWithValues: SIMStatus.allCases.map { ($0.rawValue, summary.statusCounts[$0] ?? 0) })
        try container.encode(counts, forKey: .statusCounts)
    }
}
