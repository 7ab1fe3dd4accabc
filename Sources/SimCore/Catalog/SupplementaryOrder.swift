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
    /// The traffic thresholds (percentages) already pushed for this order.
    public var thresholdsPushed: [Int] = []

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

    /// This order as seen at `now`: a PENDING order whose start has come shows ACTIVE, and an
    /// order whose `expireTime` has come (at `expireTime` exactly included) shows EXPIRED.
    ///
    /// Orders do not change on the clock yet; their status is worked out when they are shown.
    public func asOf(_ now: Timestamp) -> SupplementaryOrder {
        var shown = self
        if shown.status == .pending, startTime <= now { shown.status = .active }
        if shown.status == .active, let expireTime, expireTime <= now { shown.status = .expired }
        return shown
    }
}
