/// A request or response body as the journal keeps it: UTF-8 text cut to a byte limit.
///
/// The text is a prefix of the body that never splits a character and is at most `limit` bytes;
/// bytes that are not UTF-8 read as U+FFFD. `truncated` tells that the text does not hold the
/// whole body.
///
/// ```swift
/// let body = JournalBody(Array(#"{"custom1": "truck-0042"}"#.utf8), limit: 12)
/// body.text       // #"{"custom1": "#
/// body.truncated  // true
/// ```
public struct JournalBody: Equatable, Sendable {
    /// The body as text; nil when there was none, or when it was not kept.
    public var text: String?
    /// True when ``text`` does not hold the whole body.
    public var truncated: Bool

    /// No body at all.
    public static let empty = JournalBody(text: nil, truncated: false)
    /// A body that was there but was not read (too large, or of unknown length).
    public static let notKept = JournalBody(text: nil, truncated: true)

    /// A body with the given text and flag.
    public init(text: String?, truncated: Bool) {
        self.text = text
        self.truncated = truncated
    }

    /// The body `bytes` as text of at most `limit` bytes; an empty body is ``empty``.
    public init(_ bytes: some Collection<UInt8>, limit: Int) {
        guard !bytes.isEmpty else {
            self = .empty
            return
        }
        // A character that starts before `limit` ends within 3 more bytes: decode no further.
        let window = bytes.prefix(max(limit, 0) + 3)
        let decoded = String(decoding: window, as: UTF8.self).unicodeScalars
        var end = decoded.startIndex
        var length = 0
        while end != decoded.endIndex {
            let width = UTF8.width(decoded[end])
            guard length + width <= limit else { break }
            length += width
            decoded.formIndex(after: &end)
        }
        text = String(decoded[..<end])
        truncated = end != decoded.endIndex || bytes.count > window.count
    }
}
