import Testing

@testable import SimCore

@Suite("Luhn check digit")
struct LuhnTests {
    @Test(
        "known numbers: the check digit of the body is the last digit",
        arguments: [
            "79927398713",  // the textbook example
            "490154203237518",  // the IMEI example of the Luhn literature
            "4111111111111111",  // a test card number
            "00",
            "18",
            "8944990000000000011",  // the simulator's first generated ICCID (894499 + serial 1)
        ])
    func knownValid(number: String) {
        // Given a valid number, when checked and when its check digit is recomputed, then both agree
        #expect(Luhn.isValid(number))
        #expect(Luhn.checkDigit(for: number.dropLast()) == number.last)
    }

    @Test("known check digits", arguments: [("7992739871", "3"), ("49015420323751", "8"), ("0", "0"), ("1", "8"), ("9", "1")])
    func checkDigits(body: String, digit: Character) {
        // Given a body, when its check digit is computed, then it is the known one
        #expect(Luhn.checkDigit(for: body) == digit)
    }

    @Test(
        "invalid: wrong check digit, too short, or not all ASCII digits",
        arguments: [
            "79927398710", "79927398714", "490154203237519", "", "0", "7", "7992739871a", "7992 7398713", "-79927398713",
            "٧٩٩٢٧٣٩٨٧١٣",  // Arabic-Indic digits are digits, but not ASCII
        ])
    func invalid(number: String) {
        // Given a number that is not Luhn-valid, when checked, then it is refused
        #expect(!Luhn.isValid(number))
    }

    @Test("every random body with its check digit is valid, and every single-digit change is caught")
    func singleDigitErrorsAreCaught() {
        // Given random digit strings of ICCID and IMEI lengths
        var random = DeterministicRandom(seed: 99)
        for length in [14, 18, 19] {
            for _ in 0..<200 {
                let body = random.decimalString(count: length)
                let number = body + String(Luhn.checkDigit(for: body))
                // Then the number is valid
                #expect(Luhn.isValid(number), "\(number)")
                // When any one digit is changed to any other digit, then it is no longer valid
                var digits = Array(number)
                let position = Int(random.next(upperBound: UInt64(digits.count)))
                let original = digits[position]
                for replacement in "0123456789" where replacement != original {
                    digits[position] = replacement
                    #expect(!Luhn.isValid(String(digits)), "\(String(digits))")
                }
            }
        }
    }
}
