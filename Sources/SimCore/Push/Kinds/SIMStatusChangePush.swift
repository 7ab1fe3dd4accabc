/// `SIM_STATUS_CHANGE`: the SIM status changed, by a call, a batch task or the platform.
public struct SIMStatusChangePush: PushKind {
    public static let eventType = PushEventType.simStatusChange
    public var previousStatus: SIMStatus
    public var currentStatus: SIMStatus
    public var source: ChangeSource
    /// The batch job whose task made the change.
    public var jobId: String?

    public var data: [String: PushValue] {
        [
            "previousStatus": .string(previousStatus.rawValue), "currentStatus": .string(currentStatus.rawValue),
            "source": .string(source.rawValue), "jobId": .optional(jobId),
        ]
    }
}
