/// How the key of a tenant created without `apiKey` (`POST /_sim/enterprises`) is made.
///
/// On loopback the simulator derives it from the seed and the tenant's name, so that a replay
/// gets the same keys every time; a server others can reach gives random keys instead, since a
/// derived key is known to anyone who knows the (public) seed and the name.
///
/// ```swift
/// TenantKeyPolicy.deterministic.newKey()   // nil: the simulator derives it
/// TenantKeyPolicy.random.newKey()          // "key-" and 32 random hex digits
/// ```
public enum TenantKeyPolicy: String, Equatable, Sendable {
    /// The simulator derives the key from the seed and the tenant's name.
    case deterministic
    /// 128 random bits from the system's generator.
    case random

    /// The policy of a server listening on `address`: deterministic on loopback, random beyond.
    public init(listeningOn address: ListeningAddress) {
        self = address.isLoopback ? .deterministic : .random
    }

    /// A key for a new tenant, or nil when the simulator is to derive it.
    public func newKey() -> String? {
        switch self {
        case .deterministic:
            return nil
        case .random:
            var generator = SystemRandomNumberGenerator()
            let digits = (0..<2).map { _ in
                let text = String(generator.next() as UInt64, radix: 16)
                return String(repeating: "0", count: 16 - text.count) + text
            }
            return "key-" + digits.joined()
        }
    }
}
