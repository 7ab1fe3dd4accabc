/// `MO_SMS`: a device sent an SMS.
public struct MOSMSPush: PushKind {
    /// `MO_SMS`.
    public static let eventType = PushEventType.moSMS
    /// The message the device sent.
    public var sms: MOSMS

    /// `{"smsMsgId", "content", "encoding", "receivedTime"}`.
    public var data: [String: PushValue] {
        [
            "smsMsgId": .string(sms.smsMsgId), "content": .string(sms.content), "encoding": .string(sms.encoding.rawValue),
            "receivedTime": .time(sms.receivedTime),
        ]
    }
}
