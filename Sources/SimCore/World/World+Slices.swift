/// How one slice of due work (``World/runDueWorkSlice(upTo:ownClockOf:budget:)``) ended.
enum DueWorkSliceEnd: Equatable, Sendable {
    /// No work is left due by the limit.
    case finished
    /// Push attempts are ready: every piece of work due at this moment ran, the next is later.
    case deliveriesReady(at: Timestamp)
    /// The slice's budget is spent and work due by the limit is left; the last piece ran at this
    /// moment (more work may be due at the same moment).
    case budgetSpent(at: Timestamp)
}

extension World {
    /// The budget of one slice of an advance: about one slice of background traffic
    /// (``BackgroundTraffic/sliceSize`` sessions) or as many small pieces of work, a few
    /// milliseconds in all, after which the world is let go so other calls are served.
    static let sliceBudget = BackgroundTraffic.sliceSize

    /// What a piece of work counts against a slice's budget: the SIMs a background-traffic piece
    /// may touch, 1 for anything else.
    static func cost(of work: ScheduledWork) -> Int {
        switch work {
        case .tenant(_, _, .backgroundTraffic), .tenant(_, _, .backgroundTrafficSlice): BackgroundTraffic.sliceSize
        case .tenant: 1
        }
    }

    /// Runs, in time order, the work due at or before `limit` (the world clock's, or with
    /// `ownClockOf` only that enterprise's own clock's), each piece at its own due time, like
    /// ``runDueWork(upTo:ownClockOf:pausingForDeliveries:)`` pausing for deliveries, and also
    /// stopping once `budget` is spent. The pieces run in the same order however the work is cut
    /// into slices, so a sliced advance ends in the same world as one made in a single step.
    mutating func runDueWorkSlice(upTo limit: Timestamp, ownClockOf owner: String?, budget: Int) -> DueWorkSliceEnd {
        var firstReady: Timestamp?
        var spent = 0
        while let (due, work) = popNextWork(dueBy: limit, ownClockOf: owner) {
            run(work, at: due)
            spent += Self.cost(of: work)
            let next = nextDueTime(ownClockOf: owner)
            let readyCount = owner.map { ownReadyDeliveries[$0]?.count ?? 0 } ?? readyDeliveries.count
            if readyCount > 0 {
                let first = firstReady ?? due
                firstReady = first
                if let next, next != due, next > first.adding(Self.deliveryWindow) || readyCount >= Self.deliveryBatchLimit {
                    return .deliveriesReady(at: due)
                }
            }
            if spent >= budget, let next, next <= limit { return .budgetSpent(at: due) }
        }
        return .finished
    }
}
