import Testing

@testable import SimCore

@Suite("SimClock: manual and real (scaled) time")
struct SimClockTests {
    static let start = Timestamp(secondsSinceEpoch: 1_742_025_600)  // 2025-03-15T08:00:00Z
    static let wallStart: Int64 = 1_700_000_000_000

    @Test("a manual clock stands still whatever the wall clock does")
    func manualStandsStill() {
        // Given a manual clock and a wall clock
        let wall = ManualWallClock(milliseconds: Self.wallStart)
        let clock = SimClock(start: Self.start, mode: .manual, scale: 60, wallMilliseconds: wall.nowMilliseconds())

        // When the wall clock moves on by an hour
        wall.advance(milliseconds: 3_600_000)

        // Then the simulated time has not moved
        #expect(clock.now(wallMilliseconds: wall.nowMilliseconds()) == Self.start)
    }

    @Test("a real clock follows the wall clock times the scale", arguments: [1.0, 2.0, 60.0, 0.5])
    func realFollowsWallTimesScale(scale: Double) {
        // Given a real clock anchored now on a manual wall clock
        let wall = ManualWallClock(milliseconds: Self.wallStart)
        let clock = SimClock(start: Self.start, mode: .real, scale: scale, wallMilliseconds: wall.nowMilliseconds())
        #expect(clock.now(wallMilliseconds: wall.nowMilliseconds()) == Self.start)

        // When the wall clock moves on by 10 s, then by 1 s more
        wall.advance(milliseconds: 10_000)
        let afterTen = clock.now(wallMilliseconds: wall.nowMilliseconds())
        wall.advance(milliseconds: 1_000)
        let afterEleven = clock.now(wallMilliseconds: wall.nowMilliseconds())

        // Then the simulated time has moved by the same amounts times the scale
        #expect(afterTen.duration(since: Self.start).milliseconds == Int64(10_000 * scale))
        #expect(afterEleven.duration(since: Self.start).milliseconds == Int64(11_000 * scale))
    }

    @Test("a real clock never runs backwards when the wall clock reads earlier than the anchor")
    func realIgnoresEarlierWall() {
        // Given a real clock anchored at a wall moment
        let clock = SimClock(start: Self.start, mode: .real, scale: 10, wallMilliseconds: Self.wallStart)
        // When read at an earlier wall moment, then it reads its anchor
        #expect(clock.now(wallMilliseconds: Self.wallStart - 5_000) == Self.start)
    }

    @Test("configure changes mode and scale but keeps the current reading")
    func configureKeepsReading() {
        // Given a real clock at scale 60 that has run for 1 wall second (60 simulated seconds)
        let wall = ManualWallClock(milliseconds: Self.wallStart)
        var clock = SimClock(start: Self.start, mode: .real, scale: 60, wallMilliseconds: wall.nowMilliseconds())
        wall.advance(milliseconds: 1_000)
        let reading = clock.now(wallMilliseconds: wall.nowMilliseconds())
        #expect(reading == Self.start.adding(.seconds(60)))

        // When it is switched to manual
        clock.configure(mode: .manual, scale: 60, wallMilliseconds: wall.nowMilliseconds())
        wall.advance(milliseconds: 5_000)

        // Then it keeps that reading and stands still
        #expect(clock.mode == .manual)
        #expect(clock.now(wallMilliseconds: wall.nowMilliseconds()) == reading)

        // When it is switched back to real at scale 2
        clock.configure(mode: .real, scale: 2, wallMilliseconds: wall.nowMilliseconds())
        #expect(clock.now(wallMilliseconds: wall.nowMilliseconds()) == reading)
        wall.advance(milliseconds: 1_000)

        // Then it runs on from the same reading at the new scale
        #expect(clock.scale == 2)
        #expect(clock.now(wallMilliseconds: wall.nowMilliseconds()) == reading.adding(.seconds(2)))
    }

    @Test("set re-anchors the reading at the given wall moment")
    func setReanchors() {
        // Given a real clock at scale 1
        var clock = SimClock(start: Self.start, mode: .real, scale: 1, wallMilliseconds: Self.wallStart)
        let target = Self.start.adding(.days(3))
        // When set to a later time at a later wall moment
        clock.set(target, wallMilliseconds: Self.wallStart + 7_000)
        // Then it reads the target there and runs on from it
        #expect(clock.now(wallMilliseconds: Self.wallStart + 7_000) == target)
        #expect(clock.now(wallMilliseconds: Self.wallStart + 8_000) == target.adding(.seconds(1)))
    }

    @Test("wallMilliseconds(whenReading:) inverts a real clock and is nil for one that does not run")
    func wallTimeWhenReading() {
        // Given a real clock at scale 2
        let clock = SimClock(start: Self.start, mode: .real, scale: 2, wallMilliseconds: Self.wallStart)
        // When asked when it reads 10 s later, then it is 5 wall seconds later
        #expect(clock.wallMilliseconds(whenReading: Self.start.adding(.seconds(10))) == Self.wallStart + 5_000)
        // And a time already passed is due at the anchor
        #expect(clock.wallMilliseconds(whenReading: Self.start.adding(.seconds(-10))) == Self.wallStart)
        // And a fraction of a wall millisecond rounds up, so the clock has reached the time by then
        let third = SimClock(start: Self.start, mode: .real, scale: 3, wallMilliseconds: Self.wallStart)
        #expect(third.wallMilliseconds(whenReading: Self.start.adding(.seconds(1))) == Self.wallStart + 334)

        // Given a manual clock, or a real one at scale 0, then it never reads a later time by itself
        let manual = SimClock(start: Self.start, mode: .manual, scale: 2, wallMilliseconds: Self.wallStart)
        #expect(manual.wallMilliseconds(whenReading: Self.start.adding(.seconds(10))) == nil)
        let stopped = SimClock(start: Self.start, mode: .real, scale: 0, wallMilliseconds: Self.wallStart)
        #expect(stopped.wallMilliseconds(whenReading: Self.start.adding(.seconds(10))) == nil)
    }

    @Test("at the wall time it names, a real clock has reached the time, and not one millisecond earlier")
    func wallTimeWhenReadingIsExact() {
        // Given many scales and target times
        var random = DeterministicRandom(seed: 7)
        let scales = [0.001, 0.1, 0.3, 0.5, 1, 1.5, 2, 3, 7, 60, 1000, 3600, 86_400]
        for _ in 0..<2_000 {
            let scale = scales[Int(random.next(upperBound: UInt64(scales.count)))]
            let clock = SimClock(start: Self.start, mode: .real, scale: scale, wallMilliseconds: Self.wallStart)
            let target = Self.start.adding(SimDuration(milliseconds: Int64(random.next(upperBound: 10_000_000_000 as UInt64))))
            // When the wall time of the target is computed
            guard let wall = clock.wallMilliseconds(whenReading: target) else {
                Issue.record("no wall time at scale \(scale)")
                continue
            }
            // Then the clock reads the target or later there, and earlier one wall millisecond before
            #expect(clock.now(wallMilliseconds: wall) >= target, "scale \(scale), target \(target.millisecondsSinceEpoch)")
            #expect(clock.now(wallMilliseconds: wall - 1) < target, "scale \(scale), target \(target.millisecondsSinceEpoch)")
        }
    }
}

/// A fast real clock stops at the last moment the time format can write.
@Suite struct SimClockLimitTests {
    @Test func aRealClockStopsAtTheLatestWritableMoment() {
        // Given a real clock at a million times wall speed
        let start = Timestamp(secondsSinceEpoch: 1_700_000_000)
        let clock = SimClock(start: start, mode: .real, scale: 1_000_000, wallMilliseconds: 0)
        // When a very long wall time passes, then it reads no later than Timestamp.latest
        #expect(clock.now(wallMilliseconds: 1_000_000_000_000) == .latest)
        #expect(clock.now(wallMilliseconds: 1000) == start.adding(.seconds(1_000_000)))
    }
}

/// Extreme scales never make the real clock's arithmetic trap.
@Suite struct SimClockScaleTests {
    @Test func aTinyScaleMeansTheClockNeverReachesAFarTimeByItself() {
        let start = Timestamp(secondsSinceEpoch: 1_700_000_000)
        let clock = SimClock(start: start, mode: .real, scale: 5e-324, wallMilliseconds: 0)
        #expect(clock.wallMilliseconds(whenReading: start.adding(.days(1))) == nil)
        #expect(clock.wallMilliseconds(whenReading: start) == 0)
        #expect(clock.now(wallMilliseconds: .max) == start)
        let far = SimClock(start: start, mode: .real, scale: 1e-9, wallMilliseconds: 0)
        #expect(far.wallMilliseconds(whenReading: .latest) == nil)
    }
}
