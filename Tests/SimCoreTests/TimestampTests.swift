import Testing

@testable import SimCore

@Suite("Timestamp: the Smarthub time format")
struct TimestampTests {
    @Test(
        "format and parse round-trip, with the known epoch seconds",
        arguments: [
            ("1970-01-01T00:00:00+0000", Int64(0)),
            ("2018-10-10T10:32:50+0000", 1_539_167_570),
            ("2024-02-29T12:34:56+0000", 1_709_210_096),
            ("2025-03-15T08:00:00+0000", 1_742_025_600),
            ("1969-12-31T23:59:59+0000", -1),
            ("1900-01-01T00:00:00+0000", -2_208_988_800),
            ("0001-01-01T00:00:00+0000", -62_135_596_800),
            ("9999-12-31T23:59:59+0000", 253_402_300_799),
        ])
    func roundTrip(text: String, seconds: Int64) throws {
        // Given a UTC time in the documented format
        // When it is parsed and formatted again
        let parsed = try Timestamp(smarthub: text)

        // Then it is the right instant and formats back to the same text
        #expect(parsed.secondsSinceEpoch == seconds)
        #expect(parsed.millisecondsSinceEpoch == seconds * 1000)
        #expect(parsed.smarthubString == text)
        #expect(Timestamp(secondsSinceEpoch: seconds).smarthubString == text)
    }

    @Test("formatting drops milliseconds by rounding down, also before 1970")
    func formattingRoundsDown() {
        // Given instants with a millisecond part, when formatted, then the second is the floor
        #expect(Timestamp(millisecondsSinceEpoch: 1_999).smarthubString == "1970-01-01T00:00:01+0000")
        #expect(Timestamp(millisecondsSinceEpoch: -1).smarthubString == "1969-12-31T23:59:59+0000")
        #expect(Timestamp(millisecondsSinceEpoch: -1_000).smarthubString == "1969-12-31T23:59:59+0000")
        #expect(Timestamp(millisecondsSinceEpoch: -1_001).smarthubString == "1969-12-31T23:59:58+0000")
        #expect(Timestamp(millisecondsSinceEpoch: -1).secondsSinceEpoch == -1)
    }

    @Test(
        "a numeric offset converts to UTC",
        arguments: [
            ("2025-03-15T16:00:00+0800", "2025-03-15T08:00:00+0000"),
            ("2025-03-15T04:30:00-0330", "2025-03-15T08:00:00+0000"),
            ("2025-01-01T02:00:00+0800", "2024-12-31T18:00:00+0000"),
            ("2024-12-31T22:00:00-0330", "2025-01-01T01:30:00+0000"),
            ("2025-03-15T08:00:00-0000", "2025-03-15T08:00:00+0000"),
            ("2025-03-15T08:00:00+2359", "2025-03-14T08:01:00+0000"),
        ])
    func offsets(local: String, utc: String) throws {
        // Given a time written with an offset, when parsed, then it is the UTC instant
        let parsed = try Timestamp(smarthub: local)
        #expect(parsed.smarthubString == utc)
        #expect(parsed == (try Timestamp(smarthub: utc)))
    }

    @Test("a space stands for '+' (an unencoded '+' in a query string reads as a space)")
    func spaceForPlus() throws {
        // Given the same time with '+' and with a space
        let withPlus = try Timestamp(smarthub: "2025-03-15T16:00:00+0800")
        // When the space form is parsed
        let withSpace = try Timestamp(smarthub: "2025-03-15T16:00:00 0800")
        // Then both are the same instant
        #expect(withSpace == withPlus)
        #expect(withSpace.smarthubString == "2025-03-15T08:00:00+0000")
    }

    @Test("leap days parse only in leap years", arguments: ["2024-02-29T00:00:00+0000", "2000-02-29T23:59:59+0000", "1600-02-29T00:00:00+0000"])
    func leapDays(text: String) throws {
        // Given a 29 February of a leap year, when parsed, then it round-trips
        #expect(try Timestamp(smarthub: text).smarthubString == text)
    }

    @Test(
        "invalid text is refused, naming the text",
        arguments: [
            "",
            "2025-02-30T00:00:00+0000",  // no 30 February
            "2023-02-29T00:00:00+0000",  // not a leap year
            "1900-02-29T00:00:00+0000",  // century, not a leap year
            "2025-04-31T00:00:00+0000",  // April has 30 days
            "2025-13-01T00:00:00+0000",
            "2025-00-10T00:00:00+0000",
            "2025-01-00T00:00:00+0000",
            "2025-01-01T24:00:00+0000",
            "2025-01-01T23:60:00+0000",
            "2025-01-01T23:59:60+0000",
            "2025-01-01T00:00:00+2400",
            "2025-01-01T00:00:00+0060",
            "2025-01-01T00:00:00+000",  // too short
            "2025-01-01T00:00:00+00000",  // too long
            "2025-01-01 00:00:00+0000",  // space for T
            "2025-01-01T00:00:00+24:00",  // offset hours past 23
            "2025-01-01T00:00:00+00:60",
            "2025-01-01T00:00:00+00:",  // RFC 3339 offset cut short
            "2025-01-01T00:00:00.+0000",  // a dot without digits
            "2025-01-01T00:00:00.1234567890Z",  // more than nine fraction digits
            "2025-01-01T00:00:00ZZ",
            "2025-01-01T00:00:00",  // no offset
            "2025-01-01T00:00:00+0000 ",  // trailing space
            "2025/01/01T00:00:00+0000",
            "2025-01-01T00-00-00+0000",
            "20a5-01-01T00:00:00+0000",  // letters
            "2025-0b-01T00:00:00+0000",
            "2025-01-01T0x:00:00+0000",
            "2025-01-01T00:00:00+0a00",
            "2025-01-01T00:00:00*0000",  // no sign
            "abcdefghijklmnopqrstuvwx",  // right length, all letters
            "-025-01-01T00:00:00+0000",
            "２０２５-01-01T00:00:00+0000",  // full-width digits
        ])
    func invalid(text: String) {
        // Given text that is not a valid Smarthub time
        // When it is parsed, then it is refused with the text in the error
        #expect(throws: TimestampFormatError(text: text)) { try Timestamp(smarthub: text) }
        #expect(TimestampFormatError(text: text).message.contains("yyyy-MM-dd'T'HH:mm:ssZ"))
    }

    @Test(
        "RFC 3339 forms are read too: Z, an offset with a colon, fractional seconds to the millisecond",
        arguments: [
            ("2025-03-15T08:00:00Z", Int64(1_742_025_600_000)),
            ("2025-03-15T08:00:00z", 1_742_025_600_000),
            ("2025-03-15t08:00:00Z", 1_742_025_600_000),
            ("2025-03-15T08:00:00+00:00", 1_742_025_600_000),
            ("2025-03-15T09:30:00+01:30", 1_742_025_600_000),
            ("2025-03-15T04:30:00-03:30", 1_742_025_600_000),
            ("2025-03-15T08:00:00.5Z", 1_742_025_600_500),
            ("2025-03-15T08:00:00.25+00:00", 1_742_025_600_250),
            ("2025-03-15T08:00:00.020+0000", 1_742_025_600_020),
            ("2025-03-15T08:00:00.123456789Z", 1_742_025_600_123),
            ("2025-03-15T08:00:00.999999-01:00", 1_742_029_200_999),
            ("2025-03-15T09:00:00 01:00", 1_742_025_600_000),
        ])
    func rfc3339(text: String, milliseconds: Int64) throws {
        // Given a time as a generated client or a date library writes it
        // When it is parsed
        let parsed = try Timestamp(smarthub: text)
        // Then it is the instant meant, and answers still write the documented form
        #expect(parsed.millisecondsSinceEpoch == milliseconds)
        #expect(parsed.smarthubString == Timestamp(millisecondsSinceEpoch: milliseconds).smarthubString)
        #expect(parsed.smarthubString.hasSuffix("+0000"))
    }

    @Test(
        "the cycle name is the UTC calendar month, across month and year boundaries",
        arguments: [
            ("2025-03-15T08:00:00+0000", "2025-03"),
            ("2025-01-31T23:59:59+0000", "2025-01"),
            ("2025-02-01T00:00:00+0000", "2025-02"),
            ("2024-02-29T23:59:59+0000", "2024-02"),
            ("2024-03-01T00:00:00+0000", "2024-03"),
            ("2024-12-31T23:59:59+0000", "2024-12"),
            ("2025-01-01T00:00:00+0000", "2025-01"),
            ("2025-03-01T07:59:59+0800", "2025-02"),  // still February in UTC
            ("2025-02-28T21:00:00-0330", "2025-03"),  // already March in UTC
            ("1969-12-31T23:59:59+0000", "1969-12"),
            ("1970-01-01T00:00:00+0000", "1970-01"),
        ])
    func cycleName(text: String, cycle: String) throws {
        // Given an instant, when its cycle is asked, then it is the UTC month
        #expect(try Timestamp(smarthub: text).cycleName == cycle)
    }

    @Test(
        "the start of the next month, also from December, February and before 1970",
        arguments: [
            ("2024-12-31T23:59:59+0000", "2025-01-01T00:00:00+0000"),
            ("2025-01-01T00:00:00+0000", "2025-02-01T00:00:00+0000"),
            ("2024-02-10T12:00:00+0000", "2024-03-01T00:00:00+0000"),
            ("2025-02-28T23:59:59+0000", "2025-03-01T00:00:00+0000"),
            ("1969-12-15T00:00:00+0000", "1970-01-01T00:00:00+0000"),
            ("1969-01-31T00:00:00+0000", "1969-02-01T00:00:00+0000"),
        ])
    func startOfNextMonth(text: String, next: String) throws {
        // Given an instant, when the next month's start is computed, then it is midnight UTC of its first day
        let civil = try Timestamp(smarthub: text).civil
        #expect(Timestamp(secondsSinceEpoch: civil.startOfNextMonthSeconds).smarthubString == next)
    }

    @Test("calendar fields of an instant before 1970")
    func civilFieldsBefore1970() {
        // Given one second before the epoch, when split into fields, then they are 1969-12-31 23:59:59
        let civil = Timestamp(secondsSinceEpoch: -1).civil
        #expect(civil == CivilTime(secondsSinceEpoch: -1))
        #expect((civil.year, civil.month, civil.day) == (1969, 12, 31))
        #expect((civil.hour, civil.minute, civil.second) == (23, 59, 59))
    }

    @Test("every day from 1960 to 2040 formats and parses back to itself")
    func everyDayRoundTrips() throws {
        // Given noon of every day in a span crossing 1970 and several leap years
        let first = CivilTime.secondsSinceEpoch(year: 1960, month: 1, day: 1, hour: 12, minute: 0, second: 0)
        let last = CivilTime.secondsSinceEpoch(year: 2040, month: 12, day: 31, hour: 12, minute: 0, second: 0)
        var previousCycle = ""
        var cycles = 0
        for seconds in stride(from: first, through: last, by: 86_400) {
            // When formatted and parsed
            let text = Timestamp(secondsSinceEpoch: seconds).smarthubString
            let parsed = try Timestamp(smarthub: text)
            // Then the instant is unchanged
            #expect(parsed.secondsSinceEpoch == seconds, "\(text)")
            if parsed.cycleName != previousCycle {
                previousCycle = parsed.cycleName
                cycles += 1
            }
        }
        // And every month of the span appears once, in order
        #expect(cycles == 81 * 12)
    }

    @Test("adding a duration and measuring one")
    func addingAndMeasuring() throws {
        // Given a start time
        let start = try Timestamp(smarthub: "2025-03-15T08:00:00+0000")
        // When moved forward and back
        let later = start.adding(.hours(2))
        let earlier = start.adding(SimDuration(milliseconds: -1_500))
        // Then the readings and differences follow
        #expect(later.smarthubString == "2025-03-15T10:00:00+0000")
        #expect(later.duration(since: start) == .hours(2))
        #expect(earlier.duration(since: start).milliseconds == -1_500)
        #expect(Timestamp(millisecondsSinceEpoch: .max - 1).adding(.days(1)).millisecondsSinceEpoch == .max)
    }
}
