import Hummingbird
import SimCore

/// `GET|PUT /_sim/settings`: how the platform behaves for one enterprise.
struct SettingsController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "settings") { request, _ in
            JSONResponse(SettingsResponse(try simulator.settings(enterprise: try scope.enterprise(of: request))))
        }
        routes.on(.put, "settings") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Settings")
            try body.rejectUnknownKeys(allowed: [
                "enterpriseName", "batchStartDelay", "batchTaskInterval", "pushTimeout", "pushRetrySchedule", "smsDeliveryDelay",
                "cycleUsageThresholdPercents", "prepaidTrafficThresholdPercents", "noSessionAlert", "testQuotaBytes", "prepaidExpiryWarning",
                "signatureTime",
            ])
            let enterprise = try scope.enterprise(of: request, body: body)
            var settings = try simulator.settings(enterprise: enterprise)
            if let delay = try body.duration("batchStartDelay") { settings.batchStartDelay = delay }
            if let interval = try body.duration("batchTaskInterval") { settings.batchTaskInterval = interval }
            if let timeout = try body.duration("pushTimeout") {
                guard timeout.milliseconds > 0 else { throw body.invalid("pushTimeout", "a timeout is longer than 0") }
                settings.pushTimeout = timeout
            }
            if let delay = try body.duration("smsDeliveryDelay") { settings.smsDeliveryDelay = delay }
            if let percents = try Self.percents(body, "cycleUsageThresholdPercents") { settings.cycleUsageThresholdPercents = percents }
            if let percents = try Self.percents(body, "prepaidTrafficThresholdPercents") { settings.prepaidTrafficThresholdPercents = percents }
            if let alert = try body.duration("noSessionAlert") {
                guard alert.milliseconds > 0 else { throw body.invalid("noSessionAlert", "the silence before an alert is longer than 0") }
                settings.noSessionAlert = alert
            }
            if let quota = try body.integer("testQuotaBytes") {
                guard quota >= 0 else { throw body.invalid("testQuotaBytes", "a quota is 0 or more bytes") }
                settings.testQuotaBytes = Int64(quota)
            }
            if let warning = try body.duration("prepaidExpiryWarning") {
                guard warning.milliseconds >= 0 else { throw body.invalid("prepaidExpiryWarning", "a warning is 0 or more seconds ahead") }
                settings.prepaidExpiryWarning = warning
            }
            if let signatureTime = try body.enumeration("signatureTime", SignatureTime.self) { settings.signatureTime = signatureTime }
            if let schedule = try body.durations("pushRetrySchedule") {
                guard schedule.count <= EnterpriseSettings.maximumListLength else {
                    throw body.invalid("pushRetrySchedule", "at most \(EnterpriseSettings.maximumListLength) retries")
                }
                settings.pushRetrySchedule = schedule
            }
            return JSONResponse(SettingsResponse(try simulator.updateSettings(settings, enterprise: enterprise)))
        }
    }
}

extension SettingsController {
    /// A list of threshold percentages, each from 1 to 1000; nil when absent.
    static func percents(_ body: JSONObject, _ key: String) throws -> [Int]? {
        guard let values = try body.integers(key) else { return nil }
        let range = EnterpriseSettings.thresholdPercents
        guard values.count <= EnterpriseSettings.maximumListLength, values.allSatisfy(range.contains) else {
            throw body.invalid(
                key, "at most \(EnterpriseSettings.maximumListLength) percentages, each from \(range.lowerBound) to \(range.upperBound)")
        }
        return values
    }
}

/// The wire form of an enterprise's settings; durations in seconds.
struct SettingsResponse: Encodable, Sendable {
    let batchStartDelay: Double
    let batchTaskInterval: Double
    let pushTimeout: Double
    let pushRetrySchedule: [Double]
    let smsDeliveryDelay: Double
    let cycleUsageThresholdPercents: [Int]
    let prepaidTrafficThresholdPercents: [Int]
    let noSessionAlert: Double
    let testQuotaBytes: Int64
    let prepaidExpiryWarning: Double
    let signatureTime: String

    init(_ settings: EnterpriseSettings) {
        batchStartDelay = Self.seconds(settings.batchStartDelay)
        batchTaskInterval = Self.seconds(settings.batchTaskInterval)
        pushTimeout = Self.seconds(settings.pushTimeout)
        pushRetrySchedule = settings.pushRetrySchedule.map(Self.seconds)
        smsDeliveryDelay = Self.seconds(settings.smsDeliveryDelay)
        cycleUsageThresholdPercents = settings.cycleUsageThresholdPercents
        prepaidTrafficThresholdPercents = settings.prepaidTrafficThresholdPercents
        noSessionAlert = Self.seconds(settings.noSessionAlert)
        testQuotaBytes = settings.testQuotaBytes
        prepaidExpiryWarning = Self.seconds(settings.prepaidExpiryWarning)
        signatureTime = settings.signatureTime.rawValue
    }

    private static func seconds(_ duration: SimDuration) -> Double { Double(duration.milliseconds) / 1000 }
}
