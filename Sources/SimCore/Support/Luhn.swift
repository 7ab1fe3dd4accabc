/// The Luhn (mod 10) check digit used by ICCIDs and IMEIs.
public enum Luhn {
    /// The check digit to append to `digits` (a string of decimal digits).
    public static func checkDigit(for digits: some StringProtocol) -> Character {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var value = character.wholeNumberValue ?? 0
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return Character(String((10 - sum % 10) % 10))
    }

    /// True when `number` is all decimal digits and its last digit is the Luhn check digit of the rest.
    public static func isValid(_ number: some StringProtocol) -> Bool {
        guard number.count >= 2, number.allSatisfy({ $0.isASCII && $0.isNumber }), let last = number.last else { return false }
        return checkDigit(for: number.dropLast()) == last
    }
}
