/// `PREPAID_PACKAGE_EXPIRED`: a prepaid package is about to expire, or expired.
public struct PrepaidPackageExpiredPush: PushKind {
    /// The moment of the package's life the push announces.
    public enum Phase: String, Sendable, CaseIterable {
        /// Sent `prepaidExpiryWarning` ahead of `expireTime`.
        case aboutToExpire = "ABOUT_TO_EXPIRE"
        /// Sent at `expireTime`.
        case expired = "EXPIRED"
    }

    public static let eventType = PushEventType.prepaidPackageExpired
    public var orderId: String
    public var servicePackageName: String
    public var phase: Phase
    public var expireTime: Timestamp

    public var data: [String: PushValue] {
        [
            "orderId": .string(orderId), "servicePackageName": .string(servicePackageName), "phase": .string(phase.rawValue),
            "expireTime": .time(expireTime),
        ]
    }
}
