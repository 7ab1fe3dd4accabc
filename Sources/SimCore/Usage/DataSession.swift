/// A data session the network reports for one SIM (`POST /_sim/sims/{giccid}/sessions`).
public struct DataSession: Equatable, Sendable {
    /// Mobile country code of the visited network: 3 digits.
    public var mcc: String
    /// Mobile network code: 2 or 3 digits.
    public var mnc: String?
    /// The device's IMEI (15 digits) or IMEISV (16 digits).
    public var imei: String?
    /// Data used, uplink plus downlink.
    public var bytes: Int64
    public var durationSeconds: Int?
    /// When the session ended; nil means now.
    public var time: Timestamp?

    /// A session with every field given.
    public init(mcc: String, mnc: String? = nil, imei: String? = nil, bytes: Int64, durationSeconds: Int? = nil, time: Timestamp? = nil) {
        self.mcc = mcc
        self.mnc = mnc
        self.imei = imei
        self.bytes = bytes
        self.durationSeconds = durationSeconds
        self.time = time
    }

    /// Every problem with the session's fields, `now` being the clock's reading.
    func problems(now: Timestamp) -> [SimError.Issue] {
        var issues: [SimError.Issue] = []
        func add(_ field: String, _ message: String) {
            issues.append(.init(resource: "Session", field: field, code: .invalid, message: message))
        }
        if mcc.count != 3 || !mcc.allSatisfy(\.isASCIIDigit) { add("mcc", "an MCC is 3 digits") }
        if let mnc, !(2...3).contains(mnc.count) || !mnc.allSatisfy(\.isASCIIDigit) { add("mnc", "an MNC is 2 or 3 digits") }
        if let imei, !(imei.count == 16 && imei.allSatisfy(\.isASCIIDigit)), let problem = SIMIdentifierRules.problem(withIMEI: imei) {
            add("imei", problem + " (or an IMEISV of 16 digits)")
        }
        if bytes < 0 { add("bytes", "bytes is 0 or more") }
        if let durationSeconds, durationSeconds < 0 { add("durationSeconds", "durationSeconds is 0 or more") }
        if let time, time > now { add("at", "a session cannot end after the current time \(now.smarthubString)") }
        if let time, time.cycleName != now.cycleName { add("at", "a session is recorded in the current billing cycle \(now.cycleName)") }
        return issues
    }

    /// The device part of an IMEI or IMEISV: TAC and serial number, its first 14 digits.
    static func device(ofIMEI imei: String) -> Substring { imei.prefix(14) }

    /// The 15-digit IMEI of an IMEI or IMEISV: the device part and its Luhn check digit.
    static func imei(of imeiOrIMEISV: String) -> String {
        let device = device(ofIMEI: imeiOrIMEISV)
        return String(device) + String(Luhn.checkDigit(for: device))
    }
}
