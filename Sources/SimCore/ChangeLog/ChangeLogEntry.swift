/// One change of one SIM: its status, basic plan, IMEI or APN status, before and after.
public struct ChangeLogEntry: Equatable, Sendable, Codable {
    public var giccid: String
    public var type: ChangeType
    public var before: String?
    public var after: String?
    public var time: Timestamp
    public var source: ChangeSource

    /// An entry with every field given.
    public init(giccid: String, type: ChangeType, before: String?, after: String?, time: Timestamp, source: ChangeSource) {
        self.giccid = giccid
        self.type = type
        self.before = before
        self.after = after
        self.time = time
        self.source = source
    }
}
