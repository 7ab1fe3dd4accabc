import Testing

@testable import SimCore

@Suite("SimDuration: durations written in the control API")
struct SimDurationTests {
    @Test(
        "a number with a unit, or a bare number of seconds, parses to milliseconds",
        arguments: [
            ("90s", Int64(90_000)),
            ("15m", 900_000),
            ("2h", 7_200_000),
            ("3d", 259_200_000),
            ("500ms", 500),
            ("1.5h", 5_400_000),
            ("0.25s", 250),
            ("0s", 0),
            ("90", 90_000),
            ("1.5", 1_500),
            ("0", 0),
        ])
    func parses(text: String, milliseconds: Int64) {
        // Given control-API text, when parsed, then the length is exact
        #expect(SimDuration(text: text)?.milliseconds == milliseconds)
    }

    @Test("'15m' is fifteen minutes, not fifteen milliseconds or a bad 'ms'")
    func minutesAreNotMilliseconds() {
        // Given the two suffixes sharing the letter m, when parsed, then each keeps its own unit
        #expect(SimDuration(text: "15m") == .minutes(15))
        #expect(SimDuration(text: "15ms") == SimDuration(milliseconds: 15))
    }

    @Test(
        "anything else is refused",
        arguments: [
            "", "-5s", "-5", "5x", "abc", "s", "ms", "m", "5 s", " 5s", "5s ", "1e3", "1e3s", "5sm", "5ss", "+5s",
            "nan", "inf", "0x10s", "1,5h", "99999999999999999999d",
        ])
    func rejects(text: String) {
        // Given text that is not a duration, when parsed, then there is none
        #expect(SimDuration(text: text) == nil)
    }

    @Test("seconds as a number: fractions kept to the millisecond; negative, infinite and huge refused")
    func fromSeconds() {
        // Given numbers of seconds, when converted, then valid ones are exact and the rest are nil
        #expect(SimDuration(seconds: 1.2345)?.milliseconds == 1_235)
        #expect(SimDuration(seconds: 0)?.milliseconds == 0)
        #expect(SimDuration(seconds: -0.5) == nil)
        #expect(SimDuration(seconds: -1e-323) == nil, "a negative number too small to round away is still negative")
        #expect(SimDuration(seconds: .infinity) == nil)
        #expect(SimDuration(seconds: .nan) == nil)
        #expect(SimDuration(seconds: 1e17) == nil)
    }

    @Test("the unit builders agree with each other and order by length")
    func builders() {
        // Given durations built in different units, then equal lengths are equal and order follows length
        #expect(SimDuration.seconds(90) == SimDuration(milliseconds: 90_000))
        #expect(SimDuration.minutes(60) == .hours(1))
        #expect(SimDuration.hours(24) == .days(1))
        #expect(SimDuration.zero < .seconds(1))
        #expect(SimDuration.days(1) > .hours(23))
    }
}
