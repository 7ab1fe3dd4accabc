/// What the server lets the network and web pages do, derived from where it listens: the `Host`
/// values it answers, how tenant keys are made, and the warning to give when anyone who can reach
/// the port can drive it.
///
/// ```swift
/// let policy = WebAccessPolicy(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: nil, hasAdminToken: false)
/// policy.hosts.allowsEveryHost   // true
/// policy.tenantKeys              // .random
/// policy.exposureWarning         // "listening on 0.0.0.0 without an admin token: …"
/// ```
public struct WebAccessPolicy: Equatable, Sendable {
    /// The `Host` values answered.
    public var hosts: HostAllowList
    /// How keys of tenants created without one are made.
    public var tenantKeys: TenantKeyPolicy
    /// Said at start and shown by the dashboard when the control API is open beyond this machine.
    public var exposureWarning: String?

    /// Every host answered, derived tenant keys, no warning: a router built without a listening
    /// address (tests).
    public static let unrestricted = WebAccessPolicy(hosts: .everyHost, tenantKeys: .deterministic, exposureWarning: nil)

    /// A policy of exactly these parts.
    public init(hosts: HostAllowList, tenantKeys: TenantKeyPolicy, exposureWarning: String?) {
        self.hosts = hosts
        self.tenantKeys = tenantKeys
        self.exposureWarning = exposureWarning
    }

    /// The policy of a server listening on `address` with the names of `--allowed-hosts` (nil when
    /// not given), with or without an admin token.
    public init(listeningOn address: ListeningAddress, allowedHosts: [String]?, hasAdminToken: Bool) {
        hosts = HostAllowList(listeningOn: address, allowedHosts: allowedHosts)
        tenantKeys = TenantKeyPolicy(listeningOn: address)
        exposureWarning = address.isLoopback || hasAdminToken ? nil : Self.warning(listeningOn: address)
    }

    /// What anyone who reaches a server on `address` without admin token can do, and how to stop it.
    static func warning(listeningOn address: ListeningAddress) -> String {
        "listening on \(address.text) without an admin token: anyone who can reach this port can read every API key and webhook "
            + "secret (GET /_sim/enterprises, GET /_sim/state), move the clock, reset or restore the world. Publish the port on "
            + "loopback only (docker run -p 127.0.0.1:8080:8080) or set --admin-token (SMARTHUB_SIM_ADMIN_TOKEN)."
    }
}
