/// `SIM_APN_STATUS_CHANGE`: the SIM's APN was enabled or disabled.
public struct APNStatusChangePush: PushKind {
    public static let eventType = PushEventType.simAPNStatusChange
    public var apnName: String
    public var previousStatus: APNStatus
    public var currentStatus: APNStatus

    public var data: [String: PushValue] {
        ["apnName": .string(apnName), "previousStatus": .string(previousStatus.rawValue), "currentStatus": .string(currentStatus.rawValue)]
    }
}
