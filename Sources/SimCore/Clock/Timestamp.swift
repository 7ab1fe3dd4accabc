/// A moment on the simulator clock, in milliseconds since 1970-01-01T00:00:00Z.
///
/// The core never reads the machine's clock: every `Timestamp` comes from the ``SimClock``.
/// Smarthub shows times with whole seconds (`2018-10-10T10:32:50+0000`); milliseconds are
/// kept so a scaled real clock still orders events that fall within one second.
///
/// ```swift
/// let start = try Timestamp(smarthub: "2025-03-15T08:00:00+0000")
/// start.smarthubString  // "2025-03-15T08:00:00+0000"
/// start.cycleName       // "2025-03"
/// ```
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Milliseconds since the Unix epoch, UTC.
    public var millisecondsSinceEpoch: Int64

    /// Creates a timestamp from milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = secondsSinceEpoch.multipliedSaturated(by: 1000)
    }

    /// The last moment the Smarthub format can write (its year has four digits): 9999-12-31T23:59:59Z.
    public static let latest = Timestamp(secondsSinceEpoch: 253_402_300_799)

    /// Whole seconds since the Unix epoch (rounded down).
    public var secondsSinceEpoch: Int64 {
        millisecondsSinceEpoch >= 0 ? millisecondsSinceEpoch / 1000 : (millisecondsSinceEpoch - 999) / 1000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The timestamp moved forward (or back, for a negative duration) by `duration`.
    public func adding(_ duration: SimDuration) -> Timestamp {
        let (sum, overflow) = millisecondsSinceEpoch.addingReportingOverflow(duration.milliseconds)
        return Timestamp(millisecondsSinceEpoch: overflow ? (duration.milliseconds > 0 ? .max : .min) : sum)
    }

    /// The duration from `other` to this timestamp.
    public func duration(since other: Timestamp) -> SimDuration {
        SimDuration(milliseconds: millisecondsSinceEpoch &- other.millisecondsSinceEpoch)
    }
}

extension Timestamp {
    /// The calendar fields of this moment in UTC.
    public var civil: CivilTime { CivilTime(secondsSinceEpoch: secondsSinceEpoch) }

    /// The Smarthub time format `yyyy-MM-dd'T'HH:mm:ssZ` in UTC, e.g. `2018-10-10T10:32:50+0000`.
    public var smarthubString: String { civil.smarthubString }

    /// The billing cycle this moment falls in: the UTC calendar month, `YYYY-MM`.
    public var cycleName: String { civil.cycleName }

    /// Parses a time in the Smarthub format `yyyy-MM-dd'T'HH:mm:ss±HHMM` or in RFC 3339 (`Z`,
    /// `±HH:MM`, fractional seconds kept to the millisecond): see ``TimeTextParser``.
    ///
    /// A space in place of the `+` is accepted, since an unencoded `+` in a query string reads as a space.
    public init(smarthub text: some StringProtocol) throws(TimestampFormatError) {
        guard let parsed = TimeTextParser.milliseconds(of: text) else {
            throw TimestampFormatError(text: String(text))
        }
        self.init(millisecondsSinceEpoch: parsed)
    }
}

/// The text was not a time in the Smarthub format.
public struct TimestampFormatError: Error, Sendable, Equatable {
    /// The text that failed to parse.
    public let text: String

    /// A sentence for people, naming the expected format.
    public var message: String {
        "'\(text)' is not a time in the format yyyy-MM-dd'T'HH:mm:ssZ, e.g. 2018-10-10T10:32:50+0000 (RFC 3339 is read too: "
            + "2018-10-10T10:32:50Z, 2018-10-10T10:32:50.250+00:00)"
    }
}
