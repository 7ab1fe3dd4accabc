/// How the text of an SMS is carried: the GSM 03.38 7-bit default alphabet, or UCS-2.
///
/// A text written entirely in the GSM alphabet (its basic set and extension table) is sent as
/// GSM7, anything else as UCS2. Long texts are split in parts, each part losing room to the
/// concatenation header:
///
/// | encoding | one part | per part when split | counted in |
/// |---|---|---|---|
/// | GSM7 | 160 | 153 | septets (an extension character takes 2) |
/// | UCS2 | 70 | 67 | UTF-16 code units (a character outside the BMP takes 2) |
///
/// A character taking two units is never split between parts, as handsets do.
///
/// ```swift
/// SMSEncoding.detect("Hello")         // .gsm7
/// SMSEncoding.detect("Привет")        // .ucs2
/// SMSEncoding.gsm7.parts(of: "{x}")   // 1 (5 septets)
/// ```
public enum SMSEncoding: String, Sendable, CaseIterable, Codable {
    /// The GSM 03.38 7-bit default alphabet, with its extension table.
    case gsm7 = "GSM7"
    /// UCS-2 (UTF-16 code units), for any other text.
    case ucs2 = "UCS2"

    /// The most parts one message may take.
    public static let maximumParts = 10

    /// The units (septets or UTF-16 code units) a text that fits in a single part may take.
    public var singlePartUnits: Int {
        switch self {
        case .gsm7: 160
        case .ucs2: 70
        }
    }

    /// The units each part of a split text may take.
    public var multiPartUnits: Int {
        switch self {
        case .gsm7: 153
        case .ucs2: 67
        }
    }

    /// The GSM 03.38 basic character set, less the escape to the extension table (127 characters).
    static let gsmBasicCharacters: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The GSM 03.38 extension table: each is sent as escape + character, two septets.
    static let gsmExtensionCharacters: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// GSM7 when every character of `content` is in the GSM alphabet, else UCS2.
    public static func detect(_ content: String) -> SMSEncoding {
        content.unicodeScalars.allSatisfy { septets(of: $0) != nil } ? .gsm7 : .ucs2
    }

    /// The first character of `content` that GSM7 cannot carry, if any.
    public static func firstNonGSMCharacter(in content: String) -> Unicode.Scalar? {
        content.unicodeScalars.first { septets(of: $0) == nil }
    }

    /// The septets a character takes in GSM7: 1 in the basic set, 2 in the extension table, nil outside.
    static func septets(of scalar: Unicode.Scalar) -> Int? {
        if gsmBasicCharacters.contains(scalar) { return 1 }
        if gsmExtensionCharacters.contains(scalar) { return 2 }
        return nil
    }

    /// The units `content` takes in this encoding; nil when GSM7 cannot carry it.
    public func units(of content: String) -> Int? {
        var total = 0
        for scalar in content.unicodeScalars {
            guard let cost = cost(of: scalar) else { return nil }
            total += cost
        }
        return total
    }

    /// The number of parts `content` needs in this encoding (0 for an empty text); nil when
    /// GSM7 cannot carry it. Not capped at ``maximumParts``.
    public func parts(of content: String) -> Int? {
        guard let total = units(of: content) else { return nil }
        if total == 0 { return 0 }
        if total <= singlePartUnits { return 1 }
        // Fill parts one after the other, moving a two-unit character whole to the next part.
        var parts = 1
        var used = 0
        for scalar in content.unicodeScalars {
            let cost = cost(of: scalar)!
            if used + cost > multiPartUnits {
                parts += 1
                used = 0
            }
            used += cost
        }
        return parts
    }

    private func cost(of scalar: Unicode.Scalar) -> Int? {
        switch self {
        case .gsm7: Self.septets(of: scalar)
        case .ucs2: scalar.utf16.count
        }
    }
}
