import Testing

@testable import SimCore

@Suite("ChangeLog: the change log of one enterprise, oldest first")
struct ChangeLogTests {
    static let giccids = (0..<8).map { "89440000000000000\($0)" }
    static let start = Timestamp(secondsSinceEpoch: 1_742_025_600)  // 2025-03-15T08:00:00Z

    /// A log of `count` random entries in clock order, many sharing a time; returns the log and its entries.
    static func randomLog(count: Int, seed: UInt64) -> (ChangeLog, [ChangeLogEntry]) {
        var random = DeterministicRandom(seed: seed)
        var log = ChangeLog()
        var entries: [ChangeLogEntry] = []
        var time = start
        for _ in 0..<count {
            time = time.adding(.seconds(Int64(random.next(upperBound: 3 as UInt64))))
            let entry = ChangeLogEntry(
                giccid: giccids[Int(random.next(upperBound: UInt64(giccids.count)))],
                type: ChangeType.allCases[Int(random.next(upperBound: UInt64(ChangeType.allCases.count)))],
                before: "A", after: "B", time: time,
                source: ChangeSource.allCases[Int(random.next(upperBound: UInt64(ChangeSource.allCases.count)))])
            log.append(entry)
            entries.append(entry)
        }
        return (log, entries)
    }

    /// The brute-force answer: every entry tested field by field, in log order.
    static func reference(_ entries: [ChangeLogEntry], _ query: ChangeLogQuery) -> [ChangeLogEntry] {
        entries.filter { entry in
            (query.giccid == nil || entry.giccid == query.giccid) && (query.type == nil || entry.type == query.type)
                && (query.startTime.map { entry.time >= $0 } ?? true) && (query.endTime.map { entry.time <= $0 } ?? true)
        }
    }

    /// Reads every page of `query` with page size `size` and joins them, checking each page's total.
    static func walk(_ log: ChangeLog, _ query: ChangeLogQuery, size: Int) throws -> [ChangeLogEntry] {
        var items: [ChangeLogEntry] = []
        var page = 0
        var totals: Set<Int> = []
        while true {
            let slice = log.entries(matching: query, page: try PageRequest(page: page, size: size))
            totals.insert(slice.total)
            if slice.items.isEmpty { break }
            items += slice.items
            page += 1
        }
        #expect(totals == [items.count], "every page names the same total, the number of matching entries")
        return items
    }

    @Test("every combination of giccid, type and time range matches a brute-force filter")
    func queriesMatchBruteForce() throws {
        // Given 600 random entries
        let (log, entries) = Self.randomLog(count: 600, seed: 11)
        #expect(log.count == 600)
        #expect(log.all == entries)
        let times = entries.map(\.time)
        let bounds: [Timestamp?] = [
            nil, Self.start, times[0], times[150], times[299], times[300].adding(SimDuration(milliseconds: 500)), times[599],
            times[599].adding(.seconds(1)), Self.start.adding(.seconds(-1)),
        ]
        let giccids: [String?] = [nil, Self.giccids[0], Self.giccids[5], "8944999999999999999"]
        let types: [ChangeType?] = [nil] + ChangeType.allCases

        // When queried with every combination
        for giccid in giccids {
            for type in types {
                for startTime in bounds {
                    for endTime in bounds {
                        let query = ChangeLogQuery(giccid: giccid, type: type, startTime: startTime, endTime: endTime)
                        let expected = Self.reference(entries, query)
                        // Then the first page of 1000 holds exactly the reference, oldest first
                        let page = log.entries(matching: query, page: try PageRequest(page: 0, size: 1000))
                        #expect(page.items == expected, "\(query)")
                        #expect(page.total == expected.count, "\(query)")
                    }
                }
            }
        }
    }

    @Test("paging walks every query's result without gaps or repeats", arguments: [1, 7, 50, 1000])
    func paging(size: Int) throws {
        // Given 300 random entries
        let (log, entries) = Self.randomLog(count: 300, seed: 12)
        let queries = [
            ChangeLogQuery(), ChangeLogQuery(giccid: Self.giccids[2]), ChangeLogQuery(type: .imei),
            ChangeLogQuery(giccid: Self.giccids[3], type: .status),
            ChangeLogQuery(startTime: entries[40].time, endTime: entries[200].time),
            ChangeLogQuery(giccid: Self.giccids[1], type: .servicePackage, startTime: entries[10].time, endTime: entries[250].time),
        ]
        for query in queries {
            // When every page is read, then together they are the reference
            #expect(try Self.walk(log, query, size: size) == Self.reference(entries, query), "\(query)")
        }
    }

    @Test("time bounds are inclusive at both ends")
    func inclusiveBounds() throws {
        // Given entries at 10 s, 20 s (two of them) and 30 s
        var log = ChangeLog()
        let at = { (seconds: Int64) in Self.start.adding(.seconds(seconds)) }
        for (index, seconds) in [10, 20, 20, 30].enumerated() {
            log.append(ChangeLogEntry(giccid: Self.giccids[index], type: .status, before: nil, after: nil, time: at(Int64(seconds)), source: .api))
        }
        let page = try PageRequest()

        // When the range is exactly 20 s to 20 s, then both entries at 20 s are in it
        #expect(
            log.entries(matching: ChangeLogQuery(startTime: at(20), endTime: at(20)), page: page).items.map(\.giccid) == [
                Self.giccids[1], Self.giccids[2],
            ])
        // When the range is 10 s to 30 s, then all four are
        #expect(log.entries(matching: ChangeLogQuery(startTime: at(10), endTime: at(30)), page: page).total == 4)
        // When the range ends a millisecond before 20 s or starts a millisecond after, then those entries are out
        let justBefore = at(20).adding(SimDuration(milliseconds: -1))
        let justAfter = at(20).adding(SimDuration(milliseconds: 1))
        #expect(log.entries(matching: ChangeLogQuery(endTime: justBefore), page: page).items.map(\.giccid) == [Self.giccids[0]])
        #expect(log.entries(matching: ChangeLogQuery(startTime: justAfter), page: page).items.map(\.giccid) == [Self.giccids[3]])
        // When the start is after the end, then nothing matches
        let reversed = log.entries(matching: ChangeLogQuery(startTime: at(30), endTime: at(10)), page: page)
        #expect(reversed.items.isEmpty)
        #expect(reversed.total == 0)
    }

    @Test("an empty log answers every query with an empty page")
    func emptyLog() throws {
        // Given an empty log, when queried, then nothing comes back
        let log = ChangeLog()
        let result = log.entries(matching: ChangeLogQuery(giccid: Self.giccids[0], type: .status, startTime: Self.start), page: try PageRequest())
        #expect(result.items.isEmpty)
        #expect(result.total == 0)
        #expect(log.count == 0)
    }

    @Test("entries keep every field as appended")
    func keepsFields() throws {
        // Given one entry with all fields set
        var log = ChangeLog()
        let entry = ChangeLogEntry(giccid: Self.giccids[4], type: .apnStatus, before: "ENABLED", after: "DISABLED", time: Self.start, source: .batch)
        // When appended and queried by its SIM
        log.append(entry)
        let found = log.entries(matching: ChangeLogQuery(giccid: Self.giccids[4]), page: try PageRequest()).items
        // Then it comes back unchanged
        #expect(found == [entry])
    }
}
