/// A seeded pseudo-random generator (SplitMix64): the same seed gives the same sequence on every
/// machine, which makes generated ids reproducible.
public struct DeterministicRandom: RandomNumberGenerator, Equatable, Sendable, Codable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator for one enterprise: the world's seed mixed with the enterprise name, so each
    /// tenant's ids depend only on its own calls.
    public init(seed: UInt64, scope: String) {
        state = seed ^ StableHash.fnv1a(scope)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// `count` lowercase hexadecimal digits.
    public mutating func hexString(count: Int) -> String {
        var digits = ""
        digits.reserveCapacity(count)
        while digits.count < count {
            let word = next()
            for shift in stride(from: 60, through: 0, by: -4) where digits.count < count {
                digits.append(Self.hexDigits[Int((word >> UInt64(shift)) & 0xF)])
            }
        }
        return digits
    }

    /// `count` decimal digits (leading zeros allowed).
    public mutating func decimalString(count: Int) -> String {
        String((0..<count).map { _ in Character(String(next(upperBound: 10) as UInt64)) })
    }

    private static let hexDigits = Array("0123456789abcdef")
}

/// A hash that is the same in every process (unlike `Hasher`, which is seeded per run).
public enum StableHash {
    /// The 64-bit FNV-1a hash of the string's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
