/// Reads a time written as text, in the documented Smarthub form or as RFC 3339, into milliseconds
/// since the epoch.
///
/// Accepted: `yyyy-MM-dd'T'HH:mm:ss` (a lowercase `t` too), then optional fractional seconds (`.` and
/// 1 to 9 digits; digits past the millisecond are dropped), then the offset: `Z` (or `z`), `±HHMM`
/// (the Smarthub form) or `±HH:MM` (RFC 3339). A space stands for `+`, since an unencoded `+` in a
/// query string reads as a space.
///
/// ```swift
/// TimeTextParser.milliseconds(of: "2025-03-15T08:00:00+0000")      // 1_742_025_600_000
/// TimeTextParser.milliseconds(of: "2025-03-15T09:00:00.250+01:00") // 1_742_025_600_250
/// TimeTextParser.milliseconds(of: "2025-03-15T08:00:00Z")          // 1_742_025_600_000
/// ```
enum TimeTextParser {
    /// The milliseconds since the epoch of `text`; nil when it is not a time in an accepted form.
    static func milliseconds(of text: some StringProtocol) -> Int64? {
        var reader = Reader(bytes: Array(text.utf8))
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
            let day = reader.digits(2), reader.skip("T") || reader.skip("t"),
            let hour = reader.digits(2), reader.skip(":"), let minute = reader.digits(2), reader.skip(":"),
            let second = reader.digits(2),
            (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: Int64(year), month: month),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction: Int64 = 0
        if reader.skip(".") {
            guard let (value, count) = reader.fraction(maxDigits: 9) else { return nil }
            fraction = Self.milliseconds(fraction: value, digits: count)
        }
        guard let offsetSeconds = reader.offsetSeconds(), reader.isAtEnd else { return nil }
        let local = CivilTime.secondsSinceEpoch(year: Int64(year), month: month, day: day, hour: hour, minute: minute, second: second)
        return (local - offsetSeconds) * 1000 + fraction
    }

    /// The whole milliseconds of a fraction of a second written with `digits` digits.
    private static func milliseconds(fraction value: Int64, digits: Int) -> Int64 {
        var scaled = value
        var count = digits
        while count < 3 {
            scaled *= 10
            count += 1
        }
        while count > 3 {
            scaled /= 10
            count -= 1
        }
        return scaled
    }

    /// A cursor over the text's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Takes `character` when it comes next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Takes exactly `count` ASCII digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                guard let digit = Self.digit(bytes[index + offset]) else { return nil }
                value = value * 10 + digit
            }
            index += count
            return value
        }

        /// Takes 1 to `maxDigits` ASCII digits: their value and how many there were.
        mutating func fraction(maxDigits: Int) -> (Int64, Int)? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                guard count < maxDigits else { return nil }
                value = value * 10 + Int64(digit)
                count += 1
                index += 1
            }
            return count == 0 ? nil : (value, count)
        }

        /// Takes the offset (`Z`, `±HHMM` or `±HH:MM`): the seconds east of UTC.
        mutating func offsetSeconds() -> Int64? {
            if skip("Z") || skip("z") { return 0 }
            let sign: Int64
            if skip("+") || skip(" ") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2) else { return nil }
            _ = skip(":")
            guard let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
            return sign * Int64(hours * 3600 + minutes * 60)
        }

        private static func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
        }
    }
}
