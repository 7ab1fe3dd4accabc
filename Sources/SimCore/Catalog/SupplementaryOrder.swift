/// A subscription of one SIM to a supplementary plan (an "order").
public struct SupplementaryOrder: Equatable, Sendable {
    /// The state of an order.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending = "PENDING"
        case active = "ACTIVE"
        case expired = "EXPIRED"
        case exhausted = "EXHAUSTED"
    }

    public var orderId: String
    public var servicePackageName: String
    public var startTime: Timestamp
    public var expireTime: Timestamp?
    public var usedBytes: Int64
    public var quotaBytes: Int64?
    public var status: Status

    /// An order with every field given.
    public init(
        orderId: String, servicePackageName: String, startTime: Timestamp, expireTime: Timestamp?,
        usedBytes: Int64, quotaBytes: Int64?, status: Status
    ) {
        self.orderId = orderId
        self.servicePackageName = servicePackageName
        self.startTime = startTime
        self.expireTime = expireTime
        self.usedBytes = usedBytes
        self.quotaBytes = quotaBytes
        self.status = status
    }
}
