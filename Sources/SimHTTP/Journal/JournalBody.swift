/// A request or response body as the journal keeps it: UTF-8 text cut to a byte limit.
///
/// The text is a prefix of the body that never splits a character and is at most `limit` bytes;
/// bytes that are not UTF-8 read as U+FFFD. `truncated` tells that the text does not hold the
/// whole body. Recording copies only the first bytes; they are decoded when the journal is read,
/// so a request pays no more than that copy.
///
/// ```swift
/// let body = JournalBody(Array(#"{"custom1": "truck-0042"}"#.utf8), limit: 12)
/// body.text       // #"{"custom1": "#
/// body.truncated  // true
/// ```
public struct JournalBody: Equatable, Sendable {
    /// The first bytes of the body: enough to cut `limit` bytes without splitting a character.
    private let head: [UInt8]?
    /// The most bytes of text kept.
    private let limit: Int
    /// True when the body goes on after `head`, or was there but not read.
    private let goesOnAfterHead: Bool

    /// No body at all.
    public static let empty = JournalBody(head: nil, limit: 0, goesOnAfterHead: false)
    /// A body that was there but was not read (too large, or of unknown length).
    public static let notKept = JournalBody(head: nil, limit: 0, goesOnAfterHead: true)

    private init(head: [UInt8]?, limit: Int, goesOnAfterHead: Bool) {
        self.head = head
        self.limit = limit
        self.goesOnAfterHead = goesOnAfterHead
    }

    /// The body `bytes`, kept as text of at most `limit` bytes; an empty body is ``empty``.
    public init(_ bytes: some Collection<UInt8>, limit: Int) {
        guard !bytes.isEmpty else {
            self = .empty
            return
        }
        let limit = max(limit, 0)
        // A character that starts before `limit` ends within 3 more bytes: keep no more.
        let head = Array(bytes.prefix(limit + 3))
        self.init(head: head, limit: limit, goesOnAfterHead: bytes.count > head.count)
    }

    /// The body as text; nil when there was none, or when it was not kept.
    public var text: String? { read().text }

    /// True when ``text`` does not hold the whole body.
    public var truncated: Bool { read().truncated }

    /// ``text`` and ``truncated`` from one decoding of the kept bytes.
    public func read() -> (text: String?, truncated: Bool) {
        guard let decoded = decodedHead else { return (nil, goesOnAfterHead) }
        return (decoded.text, goesOnAfterHead || decoded.cut)
    }

    /// The kept text, and whether it stops before the end of `head`.
    private var decodedHead: (text: String, cut: Bool)? {
        guard let head else { return nil }
        let decoded = String(decoding: head, as: UTF8.self).unicodeScalars
        var end = decoded.startIndex
        var length = 0
        while end != decoded.endIndex {
            let width = UTF8.width(decoded[end])
            guard length + width <= limit else { break }
            length += width
            decoded.formIndex(after: &end)
        }
        return (String(decoded[..<end]), end != decoded.endIndex)
    }
}
