/// The path an HTTP fault applies to, e.g. `/v1/global-sims`, `/v1/global-sims/{giccid}/activate`
/// or `/v1/batchJobs/*`: a `{name}` segment matches any one segment, a final `*` segment matches
/// one or more segments, every other segment matches itself.
public struct FaultPathPattern: Equatable, Sendable {
    /// The pattern as written.
    public let text: String
    private let segments: [Substring]

    /// A pattern of a public API path: it starts with `/v1`; nil otherwise.
    public init?(_ text: String) {
        guard text == "/v1" || text.hasPrefix("/v1/"), !text.contains("?"), text.unicodeScalars.count <= 1_000 else { return nil }
        self.text = text
        segments = text.split(separator: "/")
        if let star = segments.firstIndex(of: "*"), star != segments.count - 1 { return nil }
    }

    /// True when `path` (without query) matches.
    public func matches(_ path: String) -> Bool {
        let requested = path.split(separator: "/")
        if segments.last == "*" {
            guard requested.count >= segments.count else { return false }
        } else {
            guard requested.count == segments.count else { return false }
        }
        for (pattern, segment) in zip(segments, requested) {
            if pattern == "*" { return true }
            if pattern.hasPrefix("{"), pattern.hasSuffix("}") { continue }
            if pattern != segment { return false }
        }
        return true
    }
}
