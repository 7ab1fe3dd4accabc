import SimCore

/// The optional `settings` of a seed document: how the platform behaves for every enterprise
/// (seed-data/README.md, "Settings").
///
/// ```yaml
/// settings:
///   batchStartDelay: "1s"
///   batchTaskInterval: "20ms"
///   pushTimeout: "5s"
///   pushRetrySchedule: ["5s", "5m", "30m", "2h", "5h", "10h", "10h"]
///   smsDeliveryDelay: "2s"
/// ```
struct SettingsEntry: SeedEntry {
    /// The keys of the settings.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case batchStartDelay, batchTaskInterval, pushTimeout, pushRetrySchedule, smsDeliveryDelay
        case cycleUsageThresholdPercents, prepaidTrafficThresholdPercents, noSessionAlert, testQuotaBytes, prepaidExpiryWarning
        case signatureTime
    }

    /// Time from a batch job's turn to its first task.
    var batchStartDelay: SimDuration?
    /// Time between two tasks of a batch job.
    var batchTaskInterval: SimDuration?
    /// How long a webhook receiver has to answer.
    var pushTimeout: SimDuration?
    /// The waits before each retry of a failed push.
    var pushRetrySchedule: [SimDuration]?
    /// Time from an MT SMS's POST to its final status.
    var smsDeliveryDelay: SimDuration?
    /// Cycle-usage alert thresholds, in percent of the basic plan's quota.
    var cycleUsageThresholdPercents: [Int]?
    /// Prepaid-traffic alert thresholds, in percent of an order's quota.
    var prepaidTrafficThresholdPercents: [Int]?
    /// The silence after which NO_SESSION_CONNECTION goes out.
    var noSessionAlert: SimDuration?
    /// The data a TEST_READY SIM may use.
    var testQuotaBytes: Int64?
    /// How long before a prepaid package expires ABOUT_TO_EXPIRE goes out.
    var prepaidExpiryWarning: SimDuration?
    /// Which time push signatures cover.
    var signatureTime: SignatureTime?
    /// Where the keys are in the file.
    var location: EntryLocation

    /// Decodes the settings, reporting every problem of them.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "settings")
        let startDelay: SeedDuration? = reader.optional(.batchStartDelay)
        let taskInterval: SeedDuration? = reader.optional(.batchTaskInterval)
        let timeout: SeedDuration? = reader.optional(.pushTimeout)
        let schedule: [SeedDuration]? = reader.optional(.pushRetrySchedule)
        let smsDelay: SeedDuration? = reader.optional(.smsDeliveryDelay)
        cycleUsageThresholdPercents = reader.optional(.cycleUsageThresholdPercents)
        prepaidTrafficThresholdPercents = reader.optional(.prepaidTrafficThresholdPercents)
        let alert: SeedDuration? = reader.optional(.noSessionAlert)
        testQuotaBytes = reader.optional(.testQuotaBytes)
        let warning: SeedDuration? = reader.optional(.prepaidExpiryWarning)
        signatureTime = reader.optionalEnum(.signatureTime)
        try reader.finish()
        prepaidExpiryWarning = warning?.duration
        noSessionAlert = alert?.duration
        batchStartDelay = startDelay?.duration
        batchTaskInterval = taskInterval?.duration
        pushTimeout = timeout?.duration
        pushRetrySchedule = schedule?.map(\.duration)
        smsDeliveryDelay = smsDelay?.duration
        location = reader.location
    }

    /// The core settings: the defaults with the given values in place.
    var settings: EnterpriseSettings {
        var settings = EnterpriseSettings.defaults
        if let batchStartDelay { settings.batchStartDelay = batchStartDelay }
        if let batchTaskInterval { settings.batchTaskInterval = batchTaskInterval }
        if let pushTimeout { settings.pushTimeout = pushTimeout }
        if let pushRetrySchedule { settings.pushRetrySchedule = pushRetrySchedule }
        if let smsDeliveryDelay { settings.smsDeliveryDelay = smsDeliveryDelay }
        if let cycleUsageThresholdPercents { settings.cycleUsageThresholdPercents = cycleUsageThresholdPercents }
        if let prepaidTrafficThresholdPercents { settings.prepaidTrafficThresholdPercents = prepaidTrafficThresholdPercents }
        if let noSessionAlert { settings.noSessionAlert = noSessionAlert }
        if let testQuotaBytes { settings.testQuotaBytes = testQuotaBytes }
        if let prepaidExpiryWarning { settings.prepaidExpiryWarning = prepaidExpiryWarning }
        if let signatureTime { settings.signatureTime = signatureTime }
        return settings
    }
}

/// A duration as written in a seed: seconds as a number, or a string like `"90s"`, `"15m"`, `"500ms"`.
struct SeedDuration: Decodable {
    let duration: SimDuration

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let parsed: SimDuration?
        if let seconds = try? container.decode(Double.self) {
            parsed = SimDuration(seconds: seconds)
        } else {
            parsed = SimDuration(text: try container.decode(String.self))
        }
        guard let parsed else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a duration: seconds, or a string like \"90s\", \"15m\", \"500ms\"")
        }
        duration = parsed
    }
}
