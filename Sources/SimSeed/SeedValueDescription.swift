import Yams

/// Words for seed error messages: what kind of value was expected and what was found.
enum SeedValueDescription {
    /// The longest found text quoted in a message; longer text is cut with `…`.
    static let quotedLengthLimit = 60

    /// "a string", "an integer", "a mapping" … for a Swift type being decoded.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: return "an integer"
        case is UInt64.Type: return "a non-negative integer of at most \(UInt64.max)"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Node.Mapping.Type, is [String: Any].Type, is any SeedEntry.Type: return "a mapping"
        case is Node.Sequence.Type, is [Any].Type, is any SeedList.Type: return "a list"
        case is Node.Scalar.Type: return "a single value (not a list or mapping)"
        default: return "a value of type \(type)"
        }
    }

    /// What the value `decoder` stands on is: `null`, `'text'`, a number, `a mapping`, `a list`; nil when unknown.
    static func actual(in decoder: any Decoder) -> String? {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() { return "null" }
            if let text = try? single.decode(String.self) { return quoted(text) }
            if let flag = try? single.decode(Bool.self) { return String(flag) }
            if let number = try? single.decode(Double.self) { return numberText(number) }
        }
        if (try? decoder.container(keyedBy: AnyCodingKey.self)) != nil { return "a mapping" }
        if (try? decoder.unkeyedContainer()) != nil { return "a list" }
        return nil
    }

    /// `text` in single quotes, cut to ``quotedLengthLimit`` characters.
    static func quoted(_ text: String) -> String {
        let shown = text.count > quotedLengthLimit ? text.prefix(quotedLengthLimit - 1) + "…" : Substring(text)
        return "'\(shown)'"
    }

    /// A number as written: whole numbers without a fraction.
    static func numberText(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e18 {
            return String(Int64(number))
        }
        return String(number)
    }
}
