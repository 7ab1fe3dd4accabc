/// The `Host` values the server answers: a defence against DNS rebinding, where a web page on
/// another name makes the browser send its requests to this server.
///
/// Bound to a loopback address, the server answers only `localhost`, `127.0.0.1`, `[::1]`, the
/// bound address and the names of `--allowed-hosts` (any port); bound to another address it answers
/// every host unless `--allowed-hosts` narrows them. A name starting with `.` allows that domain and
/// its subdomains; `*` allows every host.
///
/// ```swift
/// let list = HostAllowList(listeningOn: ListeningAddress("127.0.0.1"), allowedHosts: ["sim.test"])
/// list.allows(hostHeader: "localhost:8080")     // true
/// list.allows(hostHeader: "sim.test")           // true
/// list.allows(hostHeader: "evil.example:8080")  // false
/// ```
public struct HostAllowList: Equatable, Sendable {
    /// True when every host is answered (and a request without `Host` too).
    public var allowsEveryHost: Bool
    /// Exact host names and addresses, lower case, IPv6 without brackets.
    public var names: Set<String>
    /// Domains whose subdomains are allowed too (from `.example.com`), lower case, without the dot.
    public var domains: Set<String>

    /// The names always answered, whatever the options: this machine.
    public static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// Every host allowed: for routers built without a listening address (tests).
    public static let everyHost = HostAllowList(allowsEveryHost: true, names: [], domains: [])

    /// A list of exactly these names and domains.
    public init(allowsEveryHost: Bool = false, names: Set<String>, domains: Set<String> = []) {
        self.allowsEveryHost = allowsEveryHost
        self.names = names
        self.domains = domains
    }

    /// The list of a server listening on `address`, with the names of `--allowed-hosts` (nil when
    /// the option is not given). `allowedHosts` must have passed ``problem(withAllowedHost:)``.
    public init(listeningOn address: ListeningAddress, allowedHosts: [String]?) {
        let given = (allowedHosts ?? []).map { $0.lowercased() }
        if given.contains("*") || (allowedHosts == nil && !address.isLoopback) {
            self = .everyHost
            return
        }
        var names = Self.loopbackNames
        names.insert(address.hostName)
        var domains: Set<String> = []
        for entry in given {
            if entry.hasPrefix(".") {
                domains.insert(String(entry.dropFirst()))
            } else if let authority = HostAuthority(parsing: entry) {
                names.insert(authority.host)
            }
        }
        self.init(names: names, domains: domains)
    }

    /// True when a request whose `Host` header is `hostHeader` (nil: none) is answered.
    public func allows(hostHeader: String?) -> Bool {
        if allowsEveryHost { return true }
        guard let hostHeader, let authority = HostAuthority(parsing: hostHeader) else { return false }
        if names.contains(authority.host) { return true }
        return domains.contains { domain in authority.host == domain || authority.host.hasSuffix("." + domain) }
    }

    /// nil when `entry` may be given to `--allowed-hosts`: `*`, a host name or address (IPv6 in
    /// brackets) without port, or `.domain`; else the reason.
    public static func problem(withAllowedHost entry: String) -> String? {
        if entry == "*" { return nil }
        let name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
        guard let authority = HostAuthority(parsing: name), authority.port == nil, !authority.host.hasPrefix("."), authority.host.count <= 253
        else { return "'\(entry)' is not a host name or address without port, '.domain' or '*'" }
        return nil
    }
}
