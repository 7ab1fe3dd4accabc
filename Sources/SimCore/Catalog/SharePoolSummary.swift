/// A share pool as shown at a moment (`GET /sharePools/{poolName}`): its quota, what its members
/// used in the current cycle, and how many members it has in each status.
public struct SharePoolSummary: Equatable, Sendable {
    /// The pool itself.
    public var pool: SharePool
    /// Data used by the members in the current billing cycle.
    public var usedBytes: Int64
    /// The number of SIMs drawing from the pool.
    public var memberCount: Int
    /// The number of members in each status; every status is present, 0 when none.
    public var statusCounts: [SIMStatus: Int]

    /// A summary with every field given.
    public init(pool: SharePool, usedBytes: Int64, memberCount: Int, statusCounts: [SIMStatus: Int]) {
        self.pool = pool
        self.usedBytes = usedBytes
        self.memberCount = memberCount
        self.statusCounts = statusCounts
    }
}
