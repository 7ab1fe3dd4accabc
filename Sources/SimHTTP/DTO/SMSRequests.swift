import SimCore

/// The body of `POST /v1/mt-sms`: `{"toGiccid", "content", "encoding"?}`; other keys are refused.
struct SendMTSMSRequest: Sendable {
    /// The SIM to send to.
    let toGiccid: String
    /// The text.
    let content: String
    /// The encoding asked for; nil lets the platform choose.
    let encoding: SMSEncoding?

    /// Reads the body: 422 `missing_field` without `toGiccid` or `content`, 400 for a wrong JSON type.
    static func read(_ body: JSONObject) throws -> SendMTSMSRequest {
        try body.rejectUnknownKeys(allowed: ["toGiccid", "content", "encoding"])
        return SendMTSMSRequest(
            toGiccid: try body.requiredString("toGiccid"), content: try body.requiredString("content"),
            encoding: try body.enumeration("encoding", SMSEncoding.self))
    }
}

/// The body of `POST /_sim/sims/{giccid}/mo-sms`: `{"content", "encoding"?, "enterpriseName"?}`;
/// other keys are refused.
struct MOSMSRequest: Sendable {
    /// The text.
    let content: String
    /// The encoding asked for; nil lets the platform choose.
    let encoding: SMSEncoding?

    /// Reads the body: 422 `missing_field` without `content`, 400 for a wrong JSON type.
    static func read(_ body: JSONObject) throws -> MOSMSRequest {
        try body.rejectUnknownKeys(allowed: ["content", "encoding", "enterpriseName"])
        return MOSMSRequest(content: try body.requiredString("content"), encoding: try body.enumeration("encoding", SMSEncoding.self))
    }
}
