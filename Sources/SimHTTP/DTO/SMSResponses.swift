import SimCore

/// `{"smsMsgId": "…", "status": "PENDING"}`: the answer to `POST /v1/mt-sms`.
struct MTSMSCreatedResponse: Encodable, Sendable {
    /// The new message's id.
    let smsMsgId: String
    /// Always `PENDING`.
    let status: String

    /// The answer for a message just accepted.
    init(_ sms: MTSMS) {
        smsMsgId = sms.smsMsgId
        status = sms.status.rawValue
    }
}

/// The wire form of an MT SMS (`GET /v1/mt-sms/{smsMsgId}`), unset times and messages as `null`.
struct MTSMSResponse: Encodable, Sendable {
    /// The message shown.
    let sms: MTSMS

    /// The wire form of `sms`.
    init(_ sms: MTSMS) { self.sms = sms }

    private enum Key: String, CodingKey {
        case smsMsgId, toGiccid, content, encoding, parts, status, createdTime, deliveredTime, errorMessage
    }

    /// Encodes every field, `null` for an unset time or message.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(sms.smsMsgId, forKey: .smsMsgId)
        try container.encode(sms.toGiccid, forKey: .toGiccid)
        try container.encode(sms.content, forKey: .content)
        try container.encode(sms.encoding.rawValue, forKey: .encoding)
        try container.encode(sms.parts, forKey: .parts)
        try container.encode(sms.status.rawValue, forKey: .status)
        try container.encode(sms.createdTime.smarthubString, forKey: .createdTime)
        try container.encode(sms.deliveredTime?.smarthubString, forKey: .deliveredTime)
        try container.encode(sms.errorMessage, forKey: .errorMessage)
    }
}

/// The wire form of an MO SMS: the `data` of its `MO_SMS` push.
struct MOSMSResponse: Encodable, Sendable {
    /// The message's id.
    let smsMsgId: String
    /// The text.
    let content: String
    /// `GSM7` or `UCS2`.
    let encoding: String
    /// When the platform received it.
    let receivedTime: String

    /// The wire form of `sms`.
    init(_ sms: MOSMS) {
        smsMsgId = sms.smsMsgId
        content = sms.content
        encoding = sms.encoding.rawValue
        receivedTime = sms.receivedTime.smarthubString
    }
}
