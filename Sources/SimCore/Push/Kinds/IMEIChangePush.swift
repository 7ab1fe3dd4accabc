/// `IMEI_CHANGE`: the SIM is now in another device (a different TAC and serial number).
public struct IMEIChangePush: PushKind {
    public static let eventType = PushEventType.imeiChange
    public var previousIMEI: String?
    public var currentIMEI: String

    public var data: [String: PushValue] {
        ["previousImei": .optional(previousIMEI), "currentImei": .string(currentIMEI)]
    }
}
