/// `CYCLE_USAGE_TRACKING`: the SIM's usage in the cycle reached a threshold of its plan's quota.
public struct CycleUsageTrackingPush: PushKind {
    public static let eventType = PushEventType.cycleUsageTracking
    public var cycleName: String
    public var thresholdPercent: Int
    public var usedBytes: Int64
    public var quotaBytes: Int64

    public var data: [String: PushValue] {
        [
            "cycleName": .string(cycleName), "thresholdPercent": .integer(Int64(thresholdPercent)), "usedBytes": .integer(usedBytes),
            "quotaBytes": .integer(quotaBytes),
        ]
    }
}
