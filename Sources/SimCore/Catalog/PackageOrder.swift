/// An order of a rate plan for one SIM: a subscription to a supplementary plan, or the current
/// term of a prepaid basic plan (a prepaid package).
///
/// Its status changes on the simulator clock: a PENDING order becomes ACTIVE at `startTime`, an
/// ACTIVE one EXPIRED at `expireTime`; an order whose quota is used up is EXHAUSTED.
public struct PackageOrder: Equatable, Sendable, Codable {
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

    /// True while the order is PENDING or ACTIVE: it has neither expired nor been used up.
    public var isCurrent: Bool { status == .pending || status == .active }
}
