import Testing

@testable import SimCore

@Suite("Scheduler: work ordered by due time, then first-come first-served")
struct SchedulerTests {
    static func at(_ seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: seconds) }

    @Test("items come out in due-time order, ties in insertion order")
    func dueOrderThenInsertionOrder() {
        // Given items scheduled out of order, three of them at the same moment
        var scheduler = Scheduler<String>()
        scheduler.schedule("c", at: Self.at(30))
        scheduler.schedule("tie-1", at: Self.at(20))
        scheduler.schedule("a", at: Self.at(10))
        scheduler.schedule("tie-2", at: Self.at(20))
        scheduler.schedule("tie-3", at: Self.at(20))
        #expect(scheduler.count == 5)
        #expect(scheduler.nextDueTime == Self.at(10))

        // When every item is taken
        var taken: [String] = []
        while let next = scheduler.popNext(dueBy: Self.at(100)) { taken.append(next.work) }

        // Then they come by due time, and at equal times in the order they were scheduled
        #expect(taken == ["a", "tie-1", "tie-2", "tie-3", "c"])
        #expect(scheduler.count == 0)
        #expect(scheduler.nextDueTime == nil)
    }

    @Test("popNext(dueBy:) returns only items due at or before the limit")
    func popRespectsLimit() {
        // Given items due at 10 s and 20 s
        var scheduler = Scheduler<Int>()
        scheduler.schedule(2, at: Self.at(20))
        scheduler.schedule(1, at: Self.at(10))

        // When asked for work due by 9 s, then there is none and nothing is removed
        #expect(scheduler.popNext(dueBy: Self.at(9)) == nil)
        #expect(scheduler.count == 2)

        // When asked for work due by exactly 10 s, then the first comes with its due time
        let first = scheduler.popNext(dueBy: Self.at(10))
        #expect(first?.work == 1)
        #expect(first?.due == Self.at(10))

        // And the second waits until its own time
        #expect(scheduler.popNext(dueBy: Self.at(19)) == nil)
        #expect(scheduler.popNext(dueBy: Self.at(20))?.work == 2)
        #expect(scheduler.popNext(dueBy: Self.at(1_000)) == nil)
    }

    @Test("removeAll empties the scheduler; later items still keep insertion order")
    func removeAll() {
        // Given a scheduler with items
        var scheduler = Scheduler<Int>()
        for value in 0..<5 { scheduler.schedule(value, at: Self.at(1)) }
        // When emptied and refilled
        scheduler.removeAll()
        #expect(scheduler.count == 0)
        #expect(scheduler.popNext(dueBy: Self.at(10)) == nil)
        scheduler.schedule(10, at: Self.at(2))
        scheduler.schedule(11, at: Self.at(2))
        // Then only the new items come out, in order
        #expect(scheduler.popNext(dueBy: Self.at(10))?.work == 10)
        #expect(scheduler.popNext(dueBy: Self.at(10))?.work == 11)
    }

    @Test("many random items, scheduled and taken in random steps, match a stably sorted reference")
    func matchesSortedReference() {
        // Given a seeded random sequence of schedule and pop steps, with many equal due times
        var random = DeterministicRandom(seed: 2025)
        var scheduler = Scheduler<Int>()
        var reference: [(due: Timestamp, id: Int)] = []  // kept in (due, insertion) order
        var taken: [(Timestamp, Int)] = []
        var expected: [(Timestamp, Int)] = []
        var nextId = 0
        var limit = Self.at(0)
        for _ in 0..<5_000 {
            if random.next(upperBound: 3 as UInt64) < 2 {
                // When an item is scheduled (at or after the current limit, as a clock would)
                let due = Self.at(limit.secondsSinceEpoch + Int64(random.next(upperBound: 50 as UInt64)))
                scheduler.schedule(nextId, at: due)
                let position = reference.firstIndex { $0.due > due } ?? reference.count
                reference.insert((due, nextId), at: position)
                nextId += 1
            } else {
                // When the clock moves on and everything due is taken
                limit = Self.at(limit.secondsSinceEpoch + Int64(random.next(upperBound: 20 as UInt64)))
                while let next = scheduler.popNext(dueBy: limit) { taken.append((next.due, next.work)) }
                while let first = reference.first, first.due <= limit { expected.append(reference.removeFirst()) }
            }
            #expect(scheduler.count == reference.count)
            #expect(scheduler.nextDueTime == reference.first?.due)
        }
        while let next = scheduler.popNext(dueBy: Self.at(.max / 1000)) { taken.append((next.due, next.work)) }
        expected += reference.map { ($0.due, $0.id) }

        // Then the scheduler gave the same items, in the same order, with their due times
        #expect(taken.count == nextId)
        #expect(taken.map(\.1) == expected.map(\.1))
        #expect(taken.map(\.0) == expected.map(\.0))
    }
}
