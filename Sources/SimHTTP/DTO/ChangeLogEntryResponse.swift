import SimCore

/// The wire form of a change-log entry.
struct ChangeLogEntryResponse: Encodable, Sendable {
    let entry: ChangeLogEntry

    init(_ entry: ChangeLogEntry) { self.entry = entry }

    private enum Key: String, CodingKey {
        case giccid, type, before, after, changeTime, source
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(entry.giccid, forKey: .giccid)
        try container.encode(entry.type.rawValue, forKey: .type)
        try container.encode(entry.before, forKey: .before)
        try container.encode(entry.after, forKey: .after)
        try container.encode(entry.time.smarthubString, forKey: .changeTime)
        try container.encode(entry.source.rawValue, forKey: .source)
    }
}
