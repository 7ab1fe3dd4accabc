/// The filters of `GET /global-sims/changeLogs`; every given filter must match.
public struct ChangeLogQuery: Equatable, Sendable {
    public var giccid: String?
    public var type: ChangeType?
    /// Entries at or after this time.
    public var startTime: Timestamp?
    /// Entries at or before this time.
    public var endTime: Timestamp?

    /// A query; nil fields match everything.
    public init(giccid: String? = nil, type: ChangeType? = nil, startTime: Timestamp? = nil, endTime: Timestamp? = nil) {
        self.giccid = giccid
        self.type = type
        self.startTime = startTime
        self.endTime = endTime
    }
}
