/// How the platform behaves for one enterprise: set in the seed, changed with `PUT /_sim/settings`.
public struct EnterpriseSettings: Equatable, Sendable {
    /// Time from a batch job's turn to its first task.
    public var batchStartDelay: SimDuration
    /// Time between two tasks of a batch job (the pace).
    public var batchTaskInterval: SimDuration

    /// The defaults: a job starts a second after its turn comes and runs 50 tasks a second, so a
    /// job of 100 SIMs ends about 3 simulated seconds after it was posted.
    public static let defaults = EnterpriseSettings(batchStartDelay: .seconds(1), batchTaskInterval: SimDuration(milliseconds: 20))

    /// Settings with every value given.
    public init(batchStartDelay: SimDuration, batchTaskInterval: SimDuration) {
        self.batchStartDelay = batchStartDelay
        self.batchTaskInterval = batchTaskInterval
    }
}
