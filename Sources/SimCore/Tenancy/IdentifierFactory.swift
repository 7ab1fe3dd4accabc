/// Makes the identifiers of new SIMs and other objects of one enterprise: realistic, unique,
/// and the same for the same sequence of calls.
///
/// Generated ICCIDs are `894499` + a 12-digit serial + a Luhn digit, so they sort after each
/// other and new SIMs append to the giccid order.
struct IdentifierFactory: Sendable, Codable {
    private var random: DeterministicRandom
    private var serial: UInt64 = 0

    init(random: DeterministicRandom) { self.random = random }

    /// A fresh ICCID, IMSI and MSISDN that `isTaken` says are free.
    mutating func nextSIMIdentity(
        isTaken: (_ iccid: String, _ imsi: String, _ msisdn: String) -> Bool
    ) -> (iccid: String, imsi: String, msisdn: String) {
        while true {
            // Only the serial's last 12 digits make an identifier: wrapping round never traps.
            serial &+= 1
            let body = "894499" + Self.digits(serial, count: 12)
            let identity = (
                iccid: body + String(Luhn.checkDigit(for: body)),
                imsi: "2341599" + Self.digits(serial, count: 8),
                msisdn: "4479" + Self.digits(serial, count: 8)
            )
            if !isTaken(identity.iccid, identity.imsi, identity.msisdn) { return identity }
        }
    }

    /// A 15-digit IMEI with a valid Luhn digit.
    mutating func nextIMEI() -> String {
        let body = "35" + random.decimalString(count: 12)
        return body + String(Luhn.checkDigit(for: body))
    }

    /// A 32-hex-digit id (job ids, message ids, event ids).
    mutating func nextHexId() -> String { random.hexString(count: 32) }

    /// A key for a new enterprise.
    mutating func nextAPIKey() -> String { "key-" + random.hexString(count: 24) }

    /// The last `count` decimal digits of `value`, zero-padded.
    static func digits(_ value: UInt64, count: Int) -> String {
        let text = String(value % pow10(count))
        return String(repeating: "0", count: count - text.count) + text
    }

    private static func pow10(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }
}
