import HeapModule

/// Work waiting for a moment on the simulator clock, ordered by due time and then by the order
/// it was scheduled in, so two items due at the same moment run first-come first-served.
///
/// ```swift
/// var scheduler = Scheduler<String>()
/// scheduler.schedule("b", at: later)
/// scheduler.schedule("a", at: sooner)
/// scheduler.popNext(dueBy: later)  // (sooner, "a")
/// ```
public struct Scheduler<Work: Sendable>: Sendable {
    private var queue = Heap<Entry>()
    private var nextSequence: UInt64 = 0

    /// An empty scheduler.
    public init() {}

    /// The number of items waiting.
    public var count: Int { queue.count }

    /// The due time of the earliest item, if any.
    public var nextDueTime: Timestamp? { queue.min?.due }

    /// Queues `work` to run when the clock reaches `due`; returns its sequence number.
    @discardableResult
    public mutating func schedule(_ work: Work, at due: Timestamp) -> UInt64 {
        queue.insert(Entry(due: due, sequence: nextSequence, work: work))
        let sequence = nextSequence
        nextSequence = nextSequence.incrementedSaturated
        return sequence
    }

    /// The sequence number the next item will get.
    public var upcomingSequence: UInt64 { nextSequence }

    /// Every item waiting, in no particular order.
    public var pending: [(due: Timestamp, sequence: UInt64, work: Work)] { queue.unordered.map { ($0.due, $0.sequence, $0.work) } }

    /// A scheduler holding `pending`, numbering new items from `nextSequence` (or after the highest
    /// number pending, when that is larger).
    public init(pending: [(due: Timestamp, sequence: UInt64, work: Work)], nextSequence: UInt64) {
        queue = Heap(pending.map { Entry(due: $0.due, sequence: $0.sequence, work: $0.work) })
        self.nextSequence = max(nextSequence, pending.map(\.sequence).max().map { $0.incrementedSaturated } ?? 0)
    }

    /// Like ``popNext(dueBy:)``, with the item's sequence number.
    public mutating func popNextNumbered(dueBy limit: Timestamp) -> (due: Timestamp, sequence: UInt64, work: Work)? {
        guard let first = queue.min, first.due <= limit else { return nil }
        let entry = queue.removeMin()
        return (entry.due, entry.sequence, entry.work)
    }

    /// Removes and returns the earliest item due at or before `limit`, or nil if none is.
    public mutating func popNext(dueBy limit: Timestamp) -> (due: Timestamp, work: Work)? {
        guard let first = queue.min, first.due <= limit else { return nil }
        let entry = queue.removeMin()
        return (entry.due, entry.work)
    }

    /// True when some waiting item's work satisfies `predicate`.
    public func contains(where predicate: (Work) -> Bool) -> Bool {
        queue.unordered.contains { predicate($0.work) }
    }

    /// Removes every item.
    public mutating func removeAll() {
        queue = Heap()
    }

    private struct Entry: Comparable, Sendable {
        let due: Timestamp
        let sequence: UInt64
        let work: Work

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.due, lhs.sequence) < (rhs.due, rhs.sequence)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.due == rhs.due && lhs.sequence == rhs.sequence
        }
    }
}

/// A scheduler in a state document: its pending work in the order it runs, and the next
/// sequence number (so work scheduled later keeps running after work of the same due time).
extension Scheduler: Codable where Work: Codable {
    private enum CodingKeys: String, CodingKey { case pending, nextSequence }

    private struct Record: Codable {
        let due: Timestamp
        let sequence: UInt64
        let work: Work
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let records = try container.decode([Record].self, forKey: .pending)
        let declared = try container.decode(UInt64.self, forKey: .nextSequence)
        guard NumberRanges.counter.contains(declared), records.allSatisfy({ NumberRanges.counter.contains($0.sequence) }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .nextSequence, in: container, debugDescription: "a sequence number is 0 to \(NumberRanges.counter.upperBound)")
        }
        queue = Heap(records.map { Entry(due: $0.due, sequence: $0.sequence, work: $0.work) })
        let afterHighest = records.map(\.sequence).max().map { $0 + 1 } ?? 0
        nextSequence = max(declared, afterHighest)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let records = queue.unordered.sorted().map { Record(due: $0.due, sequence: $0.sequence, work: $0.work) }
        try container.encode(records, forKey: .pending)
        try container.encode(nextSequence, forKey: .nextSequence)
    }
}
