/// What a change-log entry records.
public enum ChangeType: String, Sendable, Codable, CaseIterable {
    case status = "STATUS"
    case servicePackage = "SERVICE_PACKAGE"
    case imei = "IMEI"
    case apnStatus = "APN_STATUS"
}
