/// What a webhook URL must be before pushes may go to it: `http` or `https`, a host, an optional
/// port in 1–65535 (no leading zero), at most 2,048 bytes of printable ASCII (no spaces or control
/// characters), and no credentials (`user@`). `openapi/control.yaml` states the same as a pattern. The control API, state documents and the push transport all use this one rule.
///
/// ```swift
/// WebhookURLRule.problem(with: "http://127.0.0.1:9000/hook")   // nil
/// WebhookURLRule.problem(with: "http://127.0.0.1:65536/hook")  // "the port must be 1 to 65535"
/// ```
public enum WebhookURLRule {
    /// The longest URL accepted, in UTF-8 bytes.
    public static let maximumBytes = 2048
    /// The ports a URL may name.
    public static let ports = 1...65535

    /// nil when `url` is acceptable; else the reason, for people.
    public static func problem(with url: String) -> String? {
        guard url.utf8.count <= maximumBytes else { return "the URL must be at most \(maximumBytes) bytes" }
        guard url.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return "the URL must be printable ASCII, without spaces or control characters (percent-encode the others)"
        }
        let lowered = url.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else {
            return "the URL must start with http:// or https://"
        }
        let authority = url.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { return "the URL must not carry credentials" }
        let host: Substring
        let port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "the URL's IPv6 host must end with ']'" }
            host = authority[authority.index(after: authority.startIndex)..<close]
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return "the URL's IPv6 host must be hex digits, ':' and '.'" }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return "the URL's host must be followed by a port or a path" }
            port = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
            port = nil
        }
        guard !host.isEmpty else { return "the URL must name a host" }
        guard authority.hasPrefix("[") || !host.contains(where: { $0 == "[" || $0 == "]" }) else {
            return "the URL's host must not contain '[' or ']'"
        }
        if let port {
            guard (1...5).contains(port.count), port.first != "0", port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port),
                ports.contains(number)
            else {
                return "the port must be \(ports.lowerBound) to \(ports.upperBound)"
            }
        }
        return nil
    }
}
