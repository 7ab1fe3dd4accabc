import SimCore

/// The wire form of a new supplementary plan order (`POST /global-sims/{giccid}/servicePackages`):
/// `{orderId, giccid, servicePackageName, startTime, expireTime, status}`, `expireTime` null when
/// the plan has no validity period.
struct SupplementaryOrderCreatedResponse: Encodable, Sendable {
    let giccid: String
    let order: PackageOrder

    private enum Key: String, CodingKey {
        case orderId, giccid, servicePackageName, startTime, expireTime, status
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(order.orderId, forKey: .orderId)
        try container.encode(giccid, forKey: .giccid)
        try container.encode(order.servicePackageName, forKey: .servicePackageName)
        try container.encode(order.startTime.smarthubString, forKey: .startTime)
        try container.encode(order.expireTime?.smarthubString, forKey: .expireTime)
        try container.encode(order.status.rawValue, forKey: .status)
    }
}
