/// The checked text of an SMS (MT or MO): not empty, carried by its encoding, in at most
/// ``SMSEncoding/maximumParts`` parts.
///
/// ```swift
/// let text = try SMSText("Hello €", encoding: nil)  // GSM7, 1 part (8 septets)
/// ```
public struct SMSText: Equatable, Sendable {
    /// The resource named in the errors of a refused text.
    public static let resource = "Sms"

    /// The text as given.
    public let content: String
    /// The encoding asked for, else the one detected.
    public let encoding: SMSEncoding
    /// The number of parts the text needs, 1 to ``SMSEncoding/maximumParts``.
    public let parts: Int

    /// Checks `content`, sent as `requested` (nil: GSM7 when the text fits the GSM alphabet, else UCS2).
    /// - Throws: `invalid` on `content` when it is empty or needs more than ten parts; `invalid`
    ///   on `encoding` when GSM7 is asked for a text with characters outside the GSM alphabet.
    public init(_ content: String, encoding requested: SMSEncoding?) throws(SimError) {
        guard !content.isEmpty else {
            throw .rejected(Self.resource, field: "content", code: .invalid, message: "content must not be empty")
        }
        let encoding = requested ?? SMSEncoding.detect(content)
        if encoding == .gsm7, let outside = SMSEncoding.firstNonGSMCharacter(in: content) {
            let shown = "U+" + String(outside.value, radix: 16, uppercase: true)
            throw .rejected(
                Self.resource, field: "encoding", code: .invalid,
                message: "the content has a character outside the GSM 7-bit alphabet (\(shown)); send it as UCS2 or leave encoding out")
        }
        let parts = encoding.parts(of: content) ?? 0
        guard parts <= SMSEncoding.maximumParts else {
            let limit = SMSEncoding.maximumParts * encoding.multiPartUnits
            let unit = encoding == .gsm7 ? "septets" : "UTF-16 code units"
            throw .rejected(
                Self.resource, field: "content", code: .invalid,
                message:
                    "the content needs \(parts) parts as \(encoding.rawValue); at most \(SMSEncoding.maximumParts) parts "
                    + "(\(limit) \(unit)) are allowed")
        }
        self.content = content
        self.encoding = encoding
        self.parts = parts
    }
}
