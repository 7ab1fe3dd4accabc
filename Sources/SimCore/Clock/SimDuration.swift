/// A span of simulated time, in milliseconds.
///
/// Written in the control API as a number of seconds or a string with a unit:
/// `"90s"`, `"15m"`, `"2h"`, `"3d"` (also `"500ms"`).
public struct SimDuration: Hashable, Comparable, Sendable {
    /// The length in milliseconds.
    public var milliseconds: Int64

    /// A duration of `milliseconds` milliseconds.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// A duration of whole seconds (saturating at the largest or smallest duration, never trapping).
    public static func seconds(_ seconds: Int64) -> SimDuration { SimDuration(milliseconds: seconds.multipliedSaturated(by: 1000)) }
    /// A duration of whole minutes (saturating).
    public static func minutes(_ minutes: Int64) -> SimDuration { .seconds(minutes.multipliedSaturated(by: 60)) }
    /// A duration of whole hours (saturating).
    public static func hours(_ hours: Int64) -> SimDuration { .seconds(hours.multipliedSaturated(by: 3600)) }
    /// A duration of whole days (saturating).
    public static func days(_ days: Int64) -> SimDuration { .seconds(days.multipliedSaturated(by: 86_400)) }
    /// No time at all.
    public static let zero = SimDuration(milliseconds: 0)

    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// Parses `"90s"`, `"15m"`, `"2h"`, `"3d"`, `"500ms"` or a bare number of seconds (`"90"`, `"1.5"`):
    /// digits, optionally a point and more digits, optionally a unit. Returns nil for anything else
    /// or for a value too large to represent.
    public init?(text: String) {
        let units: [(suffix: String, milliseconds: Double)] = [
            ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
        ]
        // "ms" comes before "m" and "s", so "500ms" is not read as "500m" + "s".
        let unit = units.first { text.hasSuffix($0.suffix) } ?? ("", 1000)
        let number = text.dropLast(unit.suffix.count)
        guard Self.isDecimal(number), let value = Double(number) else { return nil }
        self.init(seconds: value * unit.milliseconds / 1000)
    }

    /// True for digits, optionally followed by a point and more digits.
    private static func isDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A duration of `seconds` seconds (fractions kept to the millisecond); nil when negative, not finite or too large.
    public init?(seconds: Double) {
        let milliseconds = (seconds * 1000).rounded()
        guard seconds >= 0, milliseconds.isFinite, milliseconds < 9.2e18 else { return nil }
        self.init(milliseconds: Int64(milliseconds))
    }
}
