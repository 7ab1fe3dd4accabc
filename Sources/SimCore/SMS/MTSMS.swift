/// A mobile-terminated SMS: sent to a SIM with `POST /mt-sms`, delivered later on the clock.
///
/// It is `PENDING` until its delivery time, then `DELIVERED` when the SIM is ACTIVATED, else
/// `FAILED` with an `errorMessage`; the final status is pushed as `MT_SMS_STATUS_REPORT`.
public struct MTSMS: Equatable, Sendable, Codable {
    /// Where the message is in its delivery.
    public enum Status: String, Sendable, CaseIterable, Codable {
        /// Accepted, not delivered yet.
        case pending = "PENDING"
        /// Received by the SIM.
        case delivered = "DELIVERED"
        /// Not delivered (the SIM was not ACTIVATED at delivery time).
        case failed = "FAILED"
    }

    /// 32 lowercase hex digits.
    public var smsMsgId: String
    /// The SIM the message is sent to.
    public var toGiccid: String
    /// The text.
    public var content: String
    /// How the text is carried.
    public var encoding: SMSEncoding
    /// The number of SMS parts the text needs.
    public var parts: Int
    /// Where the message is in its delivery.
    public var status: Status
    /// When the message was accepted.
    public var createdTime: Timestamp
    /// When the SIM received it; nil unless `DELIVERED`.
    public var deliveredTime: Timestamp?
    /// Why delivery failed; nil unless `FAILED`.
    public var errorMessage: String?

    /// A pending message carrying `text`, accepted at `createdTime`.
    init(smsMsgId: String, toGiccid: String, text: SMSText, createdTime: Timestamp) {
        self.smsMsgId = smsMsgId
        self.toGiccid = toGiccid
        self.content = text.content
        self.encoding = text.encoding
        self.parts = text.parts
        self.status = .pending
        self.createdTime = createdTime
        self.deliveredTime = nil
        self.errorMessage = nil
    }
}
