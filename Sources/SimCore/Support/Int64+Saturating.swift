extension Int64 {
    /// The sum, stopping at `Int64.max` instead of overflowing (usage counters fed by callers).
    func addingSaturated(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
