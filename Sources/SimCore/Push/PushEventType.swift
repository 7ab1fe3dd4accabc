/// The kinds of push notification the platform sends (smarthub-api.md §4).
public enum PushEventType: String, Sendable, CaseIterable, Codable {
    case moSMS = "MO_SMS"
    case mtSMSStatusReport = "MT_SMS_STATUS_REPORT"
    case cycleUsageTracking = "CYCLE_USAGE_TRACKING"
    case imeiChange = "IMEI_CHANGE"
    case noSessionConnection = "NO_SESSION_CONNECTION"
    case prepaidPackageExpired = "PREPAID_PACKAGE_EXPIRED"
    case prepaidPackageTrafficTracking = "PREPAID_PACKAGE_TRAFFIC_TRACKING"
    case simStatusChange = "SIM_STATUS_CHANGE"
    case simAPNStatusChange = "SIM_APN_STATUS_CHANGE"
}
