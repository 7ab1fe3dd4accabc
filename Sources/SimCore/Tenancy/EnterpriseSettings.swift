/// How the platform behaves for one enterprise: set in the seed, changed with `PUT /_sim/settings`.
public struct EnterpriseSettings: Equatable, Sendable, Codable {
    /// Time from a batch job's turn to its first task.
    public var batchStartDelay: SimDuration
    /// Time between two tasks of a batch job (the pace).
    public var batchTaskInterval: SimDuration
    /// How long a webhook receiver has to answer a push, in wall time.
    public var pushTimeout: SimDuration
    /// The waits before each retry of a push that failed: one attempt, then one more per entry.
    public var pushRetrySchedule: [SimDuration]
    /// Time from accepting an MT SMS to its delivery (or failure).
    public var smsDeliveryDelay: SimDuration
    /// `CYCLE_USAGE_TRACKING` goes out once per cycle when a SIM's cycle usage reaches each of
    /// these percentages of its basic plan's data quota.
    public var cycleUsageThresholdPercents: [Int] = [50, 80, 100]
    /// `PREPAID_PACKAGE_TRAFFIC_TRACKING` goes out once when an order's use reaches each of these
    /// percentages of its quota.
    public var prepaidTrafficThresholdPercents: [Int] = [80, 100]
    /// `NO_SESSION_CONNECTION` goes out once when an ACTIVATED SIM has had no data session for
    /// this long since its last one.
    public var noSessionAlert: SimDuration = .hours(72)
    /// The data a TEST_READY SIM may use before it moves to ACTIVATION_READY.
    public var testQuotaBytes: Int64 = 10 * 1_048_576
    /// `PREPAID_PACKAGE_EXPIRED` with phase `ABOUT_TO_EXPIRE` goes out this long before a prepaid
    /// package expires (for packages that start after a change of this setting).
    public var prepaidExpiryWarning: SimDuration = .days(3)
    /// Which time push signatures cover: the simulated time (the default) or the machine's.
    public var signatureTime: SignatureTime = .simulated

    /// The defaults: a batch job starts a second after its turn comes and runs 50 tasks a second,
    /// so a job of 100 SIMs ends about 3 simulated seconds after it was posted; a push has 5 s to
    /// be answered and is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (8 attempts).
    /// An MT SMS is delivered (or fails) 2 s after it is accepted.
    public static let defaults = EnterpriseSettings(
        batchStartDelay: .seconds(1), batchTaskInterval: SimDuration(milliseconds: 20), pushTimeout: .seconds(5),
        pushRetrySchedule: [.seconds(5), .minutes(5), .minutes(30), .hours(2), .hours(5), .hours(10), .hours(10)],
        smsDeliveryDelay: .seconds(2))

    /// Settings with every value given.
    public init(
        batchStartDelay: SimDuration, batchTaskInterval: SimDuration, pushTimeout: SimDuration, pushRetrySchedule: [SimDuration],
        smsDeliveryDelay: SimDuration = .seconds(2)
    ) {
        self.batchStartDelay = batchStartDelay
        self.batchTaskInterval = batchTaskInterval
        self.pushTimeout = pushTimeout
        self.pushRetrySchedule = pushRetrySchedule
        self.smsDeliveryDelay = smsDeliveryDelay
    }
}
