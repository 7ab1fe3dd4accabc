/// One push notification: the envelope every push shares, with its kind's `data`.
///
/// ```json
/// {"eventId":"…","eventType":"SIM_STATUS_CHANGE","eventTime":"2025-03-15T08:00:00+0000",
///  "enterpriseName":"…","accountName":"…","giccid":"…","data":{"previousStatus":"ACTIVATED",…}}
/// ```
public struct PushEvent: Equatable, Sendable, Codable {
    /// 32 hex digits; the same on every attempt.
    public var eventId: String
    public var eventType: PushEventType
    public var eventTime: Timestamp
    public var enterpriseName: String
    public var accountName: String
    public var giccid: String
    public var data: [String: PushValue]

    /// An event with every field given.
    public init(
        eventId: String, eventType: PushEventType, eventTime: Timestamp, enterpriseName: String, accountName: String, giccid: String,
        data: [String: PushValue]
    ) {
        self.eventId = eventId
        self.eventType = eventType
        self.eventTime = eventTime
        self.enterpriseName = enterpriseName
        self.accountName = accountName
        self.giccid = giccid
        self.data = data
    }
}
