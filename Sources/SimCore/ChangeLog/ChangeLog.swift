/// The change log of one enterprise, oldest first, indexed by SIM and by type.
///
/// Entries are appended in clock order (the clock never goes back), so a time range is found by
/// binary search in whichever index list is the narrowest for the query.
public struct ChangeLog: Sendable {
    private var entries: [ChangeLogEntry] = []
    private var positionsByGiccid: [String: [Int]] = [:]
    private var positionsByType: [ChangeType: [Int]] = [:]
    /// The number of entries a store already holds: those after it are new to the store.
    private var takenCount = 0

    /// An empty log.
    public init() {}

    /// The number of entries.
    public var count: Int { entries.count }

    /// Every entry, oldest first.
    public var all: [ChangeLogEntry] { entries }

    /// The entries appended since the last call, with the position of the first, and marks them taken.
    mutating func takeNewEntries() -> (firstPosition: Int, entries: ArraySlice<ChangeLogEntry>) {
        defer { takenCount = entries.count }
        return (takenCount, entries[takenCount...])
    }

    /// Appends an entry. Entries come in clock order; one dated before the last entry (which no
    /// caller should make) is recorded at the last entry's time, so the log stays in order.
    public mutating func append(_ entry: ChangeLogEntry) {
        var entry = entry
        if let last = entries.last, entry.time < last.time { entry.time = last.time }
        positionsByGiccid[entry.giccid, default: []].append(entries.count)
        positionsByType[entry.type, default: []].append(entries.count)
        entries.append(entry)
    }

    /// One page of the entries matching `query`, oldest first.
    public func entries(matching query: ChangeLogQuery, page: PageRequest) -> Page<ChangeLogEntry> {
        let candidates: Positions
        var typeStillToCheck = query.type
        if let giccid = query.giccid {
            candidates = .some(positionsByGiccid[giccid] ?? [])
        } else if let type = query.type {
            candidates = .some(positionsByType[type] ?? [])
            typeStillToCheck = nil
        } else {
            candidates = .all(entries.count)
        }
        let lower = query.startTime.map { start in firstIndex(in: candidates) { entries[$0].time >= start } } ?? 0
        let upper = query.endTime.map { end in firstIndex(in: candidates) { entries[$0].time > end } } ?? candidates.count
        guard lower < upper else { return Page(items: [], request: page, total: 0) }
        guard let type = typeStillToCheck else {
            let slice = page.range(in: upper - lower)
            let items = (lower + slice.lowerBound..<lower + slice.upperBound).map { entries[candidates[$0]] }
            return Page(items: items, request: page, total: upper - lower)
        }
        return Page(slicing: (lower..<upper).map { entries[candidates[$0]] }.filter { $0.type == type }, request: page)
    }

    /// Entry positions in time order: all of them, or those of one index list.
    private enum Positions {
        case all(Int)
        case some([Int])

        var count: Int {
            switch self {
            case .all(let count): count
            case .some(let positions): positions.count
            }
        }

        subscript(index: Int) -> Int {
            switch self {
            case .all: index
            case .some(let positions): positions[index]
            }
        }
    }

    /// The first index of `positions` where `isAfter` holds (positions are in time order).
    private func firstIndex(in positions: Positions, where isAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(positions[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A change log in a state document: its entries, oldest first (the indexes are rebuilt).
extension ChangeLog: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        for entry in try decoder.singleValueContainer().decode([ChangeLogEntry].self) { append(entry) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
