/// Background data traffic of an enterprise's ACTIVATED SIMs (`POST /_sim/traffic`): while it is
/// on, every simulated hour each ACTIVATED SIM reports one session on its home network of about
/// `bytesPerDay / 24` bytes (between half and one and a half times that), drawn from a seeded
/// generator, so the same world and calls give the same traffic. It stops by itself ``maximumSpan``
/// after it was turned on, so that no advance of the clock has unbounded work to do.
public struct BackgroundTraffic: Sendable, Codable {
    /// Whether traffic is generated.
    public var enabled = false
    /// The average data of one ACTIVATED SIM per simulated day.
    public var bytesPerDay: Int64 = BackgroundTraffic.defaultBytesPerDay
    /// While enabled: the last moment a round of sessions may come.
    public var until: Timestamp?
    /// Bumped on every change, so that hours asked for under an earlier setting do nothing.
    var generation = 0
    /// Draws the size of each session.
    var random: DeterministicRandom

    /// 5 MiB a day: about 150 MiB a month per SIM.
    public static let defaultBytesPerDay: Int64 = 5 * 1_048_576
    /// Time between two rounds of sessions.
    public static let interval = SimDuration.hours(1)
    /// The most SIMs one piece of scheduled work gives sessions to; a larger round runs in
    /// several pieces at the same time, between which other calls are served.
    public static let sliceSize = 1_000
    /// How long traffic runs once turned on: a year, leap day included.
    public static let maximumSpan = SimDuration.days(366)

    /// Traffic that is off, drawing from `random` once on.
    init(random: DeterministicRandom) { self.random = random }

    /// The bytes of one hourly session: around `bytesPerDay / 24`.
    mutating func nextSessionBytes() -> Int64 {
        let hourly = UInt64(Swift.max(0, bytesPerDay / 24))
        return Int64(hourly / 2 + random.next(upperBound: hourly + 1))
    }
}
