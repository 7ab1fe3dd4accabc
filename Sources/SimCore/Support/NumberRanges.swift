/// The documented ranges of the numbers the simulator reads from seeds, state documents and
/// snapshots that the core counts on or adds to: a value outside its range is refused where it is
/// read, so that the core's arithmetic on it never overflows.
///
/// Counters (serials, sequence numbers) stop at 2^53 − 1, the largest integer every JSON reader
/// holds exactly; at a million a second that is still 285 years of counting.
///
/// ```swift
/// NumberRanges.counter.contains(nextTenantSerial)   // false for 2^64 − 1: refused
/// NumberRanges.validityDays.contains(30)            // true
/// ```
public enum NumberRanges {
    /// Serials and sequence numbers kept in a state document: 0 to 2^53 − 1.
    public static let counter: ClosedRange<UInt64> = 0...9_007_199_254_740_991
    /// The same range, for counters kept as signed integers.
    public static let signedCounter: ClosedRange<Int> = 0...9_007_199_254_740_991
    /// The validity of a prepaid package: a day to 100 years (36,500 days).
    public static let validityDays: ClosedRange<Int> = 1...36_500
}

extension UInt64 {
    /// One more, stopping at `UInt64.max` instead of overflowing.
    var incrementedSaturated: UInt64 { self == .max ? .max : self + 1 }
}
