import SimCore

/// Writes JSON straight into bytes, for the answers sent most often (SIMs and pages of them),
/// byte for byte as ``JSONCoding/encoder`` writes them: keys in sorted order (the caller writes
/// them so), strings escaped the same way, slashes unescaped.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.object { writer in
///     writer.field("page") { $0.integer(0) }
/// }
/// ```
struct JSONWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the object or array being written has a member yet (a comma comes before the next).
    private var hasMember = false

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = hasMember
        hasMember = false
        body(&self)
        hasMember = outer
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of `items`, each written by `write`.
    mutating func array<Item>(_ items: some Sequence<Item>, _ write: (inout JSONWriter, Item) -> Void) {
        bytes.append(UInt8(ascii: "["))
        let outer = hasMember
        hasMember = false
        for item in items {
            separate()
            write(&self, item)
        }
        hasMember = outer
        bytes.append(UInt8(ascii: "]"))
    }

    /// A field of the current object: its key (needing no escape), then the value `value` writes.
    mutating func field(_ key: StaticString, _ value: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        value(&self)
    }

    /// A field of the current object whose key is known only when writing (needing no escape).
    mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: key.utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        value(&self)
    }

    /// A string, or `null`.
    mutating func string(_ text: String?) {
        guard let text else { return null() }
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if plain == true { return }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer, or `null`.
    mutating func integer(_ value: (some BinaryInteger)?) {
        guard let value else { return null() }
        guard let small = Int64(exactly: value), small != .min else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        if small < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = small.magnitude
        // At most 19 digits, written from the last.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A time in the Smarthub format (`2025-03-15T08:00:00+0000`), or `null`.
    mutating func time(_ time: Timestamp?) {
        guard let time else { return null() }
        let civil = time.civil
        guard (0...9999).contains(civil.year) else { return string(time.smarthubString) }
        let year = Int(civil.year)
        let pairs = Self.digitPairs
        // "2025-03-15T08:00:00+0000", quotes included.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 26) { text in
            func put(_ pair: Int, at index: Int) {
                text[index] = pairs[pair * 2]
                text[index + 1] = pairs[pair * 2 + 1]
            }
            text[0] = UInt8(ascii: "\"")
            put(year / 100, at: 1)
            put(year % 100, at: 3)
            text[5] = UInt8(ascii: "-")
            put(civil.month, at: 6)
            text[8] = UInt8(ascii: "-")
            put(civil.day, at: 9)
            text[11] = UInt8(ascii: "T")
            put(civil.hour, at: 12)
            text[14] = UInt8(ascii: ":")
            put(civil.minute, at: 15)
            text[17] = UInt8(ascii: ":")
            put(civil.second, at: 18)
            for (offset, byte) in Self.utcSuffix.enumerated() { text[20 + offset] = byte }
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// `null`.
    mutating func null() {
        bytes.append(UInt8(ascii: "n"))
        bytes.append(UInt8(ascii: "u"))
        bytes.append(UInt8(ascii: "l"))
        bytes.append(UInt8(ascii: "l"))
    }

    /// "00" to "99", two bytes each.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    private static let utcSuffix = Array("+0000\"".utf8)

    private mutating func separate() {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// An answer that writes itself with a ``JSONWriter`` (faster than `Encodable`, same bytes).
protocol JSONWritable {
    /// Writes the value.
    func write(to writer: inout JSONWriter)
}
