/// Settings in a state document: every setting by its name. A setting added after a document was
/// written (its key absent) reads as its default, so older documents still load.
extension EnterpriseSettings {
    private enum CodingKeys: String, CodingKey {
        case batchStartDelay, batchTaskInterval, pushTimeout, pushRetrySchedule, smsDeliveryDelay
        case cycleUsageThresholdPercents, prepaidTrafficThresholdPercents, noSessionAlert, testQuotaBytes, prepaidExpiryWarning
        case signatureTime
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EnterpriseSettings.defaults
        self.init(
            batchStartDelay: try container.decode(SimDuration.self, forKey: .batchStartDelay),
            batchTaskInterval: try container.decode(SimDuration.self, forKey: .batchTaskInterval),
            pushTimeout: try container.decode(SimDuration.self, forKey: .pushTimeout),
            pushRetrySchedule: try container.decode([SimDuration].self, forKey: .pushRetrySchedule),
            smsDeliveryDelay: try container.decodeIfPresent(SimDuration.self, forKey: .smsDeliveryDelay) ?? defaults.smsDeliveryDelay)
        cycleUsageThresholdPercents =
            try container.decodeIfPresent([Int].self, forKey: .cycleUsageThresholdPercents) ?? defaults.cycleUsageThresholdPercents
        prepaidTrafficThresholdPercents =
            try container.decodeIfPresent([Int].self, forKey: .prepaidTrafficThresholdPercents) ?? defaults.prepaidTrafficThresholdPercents
        noSessionAlert = try container.decodeIfPresent(SimDuration.self, forKey: .noSessionAlert) ?? defaults.noSessionAlert
        testQuotaBytes = try container.decodeIfPresent(Int64.self, forKey: .testQuotaBytes) ?? defaults.testQuotaBytes
        prepaidExpiryWarning = try container.decodeIfPresent(SimDuration.self, forKey: .prepaidExpiryWarning) ?? defaults.prepaidExpiryWarning
        signatureTime = try container.decodeIfPresent(SignatureTime.self, forKey: .signatureTime) ?? defaults.signatureTime
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batchStartDelay, forKey: .batchStartDelay)
        try container.encode(batchTaskInterval, forKey: .batchTaskInterval)
        try container.encode(pushTimeout, forKey: .pushTimeout)
        try container.encode(pushRetrySchedule, forKey: .pushRetrySchedule)
        try container.encode(smsDeliveryDelay, forKey: .smsDeliveryDelay)
        try container.encode(cycleUsageThresholdPercents, forKey: .cycleUsageThresholdPercents)
        try container.encode(prepaidTrafficThresholdPercents, forKey: .prepaidTrafficThresholdPercents)
        try container.encode(noSessionAlert, forKey: .noSessionAlert)
        try container.encode(testQuotaBytes, forKey: .testQuotaBytes)
        try container.encode(prepaidExpiryWarning, forKey: .prepaidExpiryWarning)
        try container.encode(signatureTime, forKey: .signatureTime)
    }
}
