/// A mobile-originated SMS: sent by a device (injected with `POST /_sim/sims/{giccid}/mo-sms`)
/// and pushed to the enterprise as `MO_SMS` at once.
public struct MOSMS: Equatable, Sendable {
    /// 32 lowercase hex digits.
    public var smsMsgId: String
    /// The SIM that sent the message.
    public var fromGiccid: String
    /// The text.
    public var content: String
    /// How the text is carried.
    public var encoding: SMSEncoding
    /// The number of SMS parts the text needs.
    public var parts: Int
    /// When the platform received the message.
    public var receivedTime: Timestamp

    /// A message carrying `text` from `fromGiccid`, received at `receivedTime`.
    init(smsMsgId: String, fromGiccid: String, text: SMSText, receivedTime: Timestamp) {
        self.smsMsgId = smsMsgId
        self.fromGiccid = fromGiccid
        self.content = text.content
        self.encoding = text.encoding
        self.parts = text.parts
        self.receivedTime = receivedTime
    }
}
