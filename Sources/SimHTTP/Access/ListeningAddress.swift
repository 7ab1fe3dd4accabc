#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The address the server listens on, and whether only this machine can reach it.
///
/// ```swift
/// ListeningAddress("127.0.0.1").isLoopback   // true
/// ListeningAddress("::1").isLoopback         // true
/// ListeningAddress("0.0.0.0").isLoopback     // false: every interface
/// ```
public struct ListeningAddress: Equatable, Sendable {
    /// The address or name as given to `--host`.
    public var text: String

    /// The address `text`.
    public init(_ text: String) {
        self.text = text
    }

    /// True for `localhost`, an IPv4 address in 127.0.0.0/8, and the IPv6 loopback `::1` (in any
    /// of its spellings): only programs on this machine can connect.
    public var isLoopback: Bool {
        let name = text.lowercased()
        if name == "localhost" || name == "localhost." { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        if inet_pton(AF_INET6, bare, &ipv6) == 1 {
            return withUnsafeBytes(of: &ipv6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    /// The address as a `Host` header names it: lower case, an IPv6 address without brackets.
    var hostName: String {
        let name = text.lowercased()
        return name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
    }
}
