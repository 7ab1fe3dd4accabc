/// `PREPAID_PACKAGE_TRAFFIC_TRACKING`: an order's use reached a threshold of its quota.
public struct PrepaidPackageTrafficTrackingPush: PushKind {
    public static let eventType = PushEventType.prepaidPackageTrafficTracking
    public var orderId: String
    public var servicePackageName: String
    public var thresholdPercent: Int
    public var usedBytes: Int64
    public var quotaBytes: Int64

    public var data: [String: PushValue] {
        [
            "orderId": .string(orderId), "servicePackageName": .string(servicePackageName),
            "thresholdPercent": .integer(Int64(thresholdPercent)), "usedBytes": .integer(usedBytes), "quotaBytes": .integer(quotaBytes),
        ]
    }
}
