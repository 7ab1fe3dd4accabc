/// `NO_SESSION_CONNECTION`: an ACTIVATED SIM has had no data session for the configured time.
public struct NoSessionConnectionPush: PushKind {
    public static let eventType = PushEventType.noSessionConnection
    public var lastSessionTime: Timestamp?
    public var silentHours: Int64

    public var data: [String: PushValue] {
        ["lastSessionTime": .time(lastSessionTime), "silentHours": .integer(silentHours)]
    }
}
