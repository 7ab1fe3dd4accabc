/// `MT_SMS_STATUS_REPORT`: the final delivery status of an MT SMS (`DELIVERED` or `FAILED`).
public struct MTSMSStatusReportPush: PushKind {
    /// `MT_SMS_STATUS_REPORT`.
    public static let eventType = PushEventType.mtSMSStatusReport
    /// The message, in its final status.
    public var sms: MTSMS

    /// `{"smsMsgId", "status", "errorMessage", "deliveredTime"}`, the last two null when unset.
    public var data: [String: PushValue] {
        [
            "smsMsgId": .string(sms.smsMsgId), "status": .string(sms.status.rawValue), "errorMessage": .optional(sms.errorMessage),
            "deliveredTime": .time(sms.deliveredTime),
        ]
    }
}
