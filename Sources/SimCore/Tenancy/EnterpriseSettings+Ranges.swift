/// The documented ranges of the settings (control.yaml `Settings`), checked where settings are
/// read whole: a state document or a snapshot.
extension EnterpriseSettings {
    /// The most retries, and the most thresholds of each list.
    public static let maximumListLength = 20
    /// The range of a threshold percentage.
    public static let thresholdPercents = 1...1000

    /// What is out of range, for people; empty when every setting is in range.
    public var rangeProblems: [String] {
        var problems: [String] = []
        let durations: [(String, SimDuration)] = [
            ("batchStartDelay", batchStartDelay), ("batchTaskInterval", batchTaskInterval), ("smsDeliveryDelay", smsDeliveryDelay),
            ("prepaidExpiryWarning", prepaidExpiryWarning),
        ]
        for (name, duration) in durations where duration.milliseconds < 0 { problems.append("settings.\(name) is negative") }
        if pushTimeout.milliseconds <= 0 { problems.append("settings.pushTimeout is not longer than 0") }
        if noSessionAlert.milliseconds <= 0 { problems.append("settings.noSessionAlert is not longer than 0") }
        if testQuotaBytes < 0 { problems.append("settings.testQuotaBytes is negative") }
        if pushRetrySchedule.count > Self.maximumListLength || pushRetrySchedule.contains(where: { $0.milliseconds < 0 }) {
            problems.append("settings.pushRetrySchedule holds at most \(Self.maximumListLength) durations, none negative")
        }
        for (name, list) in [
            ("cycleUsageThresholdPercents", cycleUsageThresholdPercents), ("prepaidTrafficThresholdPercents", prepaidTrafficThresholdPercents),
        ]
        where list.count > Self.maximumListLength || !list.allSatisfy(Self.thresholdPercents.contains) {
            problems.append("settings.\(name) holds at most \(Self.maximumListLength) percentages of 1 to 1000")
        }
        return problems
    }
}
