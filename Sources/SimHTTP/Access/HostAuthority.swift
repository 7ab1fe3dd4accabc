/// The host and port of a `Host` header or of an `Origin`, as the server compares them: the host
/// in lower case without a trailing dot, an IPv6 address without its brackets.
///
/// ```swift
/// HostAuthority(parsing: "[::1]:8080")    // host "::1", port 8080
/// HostAuthority(parsing: "LocalHost")     // host "localhost", port nil
/// HostAuthority(origin: "http://127.0.0.1:8080")   // host "127.0.0.1", port 8080
/// ```
public struct HostAuthority: Equatable, Sendable {
    /// The host name or address, lower case, without brackets or trailing dot.
    public var host: String
    /// The port when one is written.
    public var port: Int?

    /// A host and port.
    public init(host: String, port: Int? = nil) {
        self.host = host
        self.port = port
    }

    /// The longest `Host` value read (a DNS name is at most 253 characters, a port 6 more).
    public static let maximumLength = 300

    /// Parses `host`, `host:port`, `[v6]` or `[v6]:port`; nil when the text is none of these (an
    /// empty host, a port that is not 0 to 65535, characters no host name or address holds).
    public init?(parsing text: some StringProtocol) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength else { return nil }
        let hostPart: Substring
        let portPart: Substring?
        let whole = Substring(text)
        if whole.hasPrefix("[") {
            guard let close = whole.firstIndex(of: "]") else { return nil }
            hostPart = whole[whole.index(after: whole.startIndex)..<close]
            let rest = whole[whole.index(after: close)...]
            if rest.isEmpty {
                portPart = nil
            } else {
                guard rest.hasPrefix(":") else { return nil }
                portPart = rest.dropFirst()
            }
            guard !hostPart.isEmpty, hostPart.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            let parts = whole.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            hostPart = parts[0]
            portPart = parts.count == 2 ? parts[1] : nil
            guard !hostPart.isEmpty, hostPart.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
            else { return nil }
        }
        if let portPart {
            guard (1...5).contains(portPart.count), portPart.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portPart), port <= 65535
            else { return nil }
            self.port = port
        } else {
            self.port = nil
        }
        var host = hostPart.lowercased()
        if host.count > 1, host.hasSuffix(".") { host.removeLast() }
        self.host = host
    }

    /// Parses an `Origin` (`scheme://host[:port]`), the port made explicit (80 for http, 443 for
    /// https); nil for `null`, another scheme, or anything with a path.
    public init?(origin text: some StringProtocol) {
        let lowered = text.lowercased()
        let (scheme, rest): (String, Substring)
        if lowered.hasPrefix("http://") {
            (scheme, rest) = ("http", lowered.dropFirst("http://".count))
        } else if lowered.hasPrefix("https://") {
            (scheme, rest) = ("https", lowered.dropFirst("https://".count))
        } else {
            return nil
        }
        guard var authority = HostAuthority(parsing: rest) else { return nil }
        if authority.port == nil { authority.port = scheme == "https" ? 443 : 80 }
        self = authority
    }

    /// The same authority with the port a request on plain HTTP implies when none is written.
    public var withHTTPDefaultPort: HostAuthority {
        HostAuthority(host: host, port: port ?? 80)
    }
}
