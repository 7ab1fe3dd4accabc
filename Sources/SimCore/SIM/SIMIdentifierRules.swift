/// The formats of SIM identifiers (smarthub-api.md §5), as checks that say what is wrong.
public enum SIMIdentifierRules {
    /// nil when `iccid` is 19 or 20 digits starting `89` with a valid Luhn digit; else the reason.
    public static func problem(withICCID iccid: String) -> String? {
        guard (19...20).contains(iccid.count), iccid.allSatisfy(\.isASCIIDigit), iccid.hasPrefix("89") else {
            return "an ICCID is 19 or 20 digits starting with 89"
        }
        return Luhn.isValid(iccid) ? nil : "the last digit of an ICCID is its Luhn check digit"
    }

    /// nil when `imsi` is 15 digits; else the reason.
    public static func problem(withIMSI imsi: String) -> String? {
        imsi.count == 15 && imsi.allSatisfy(\.isASCIIDigit) ? nil : "an IMSI is 15 digits"
    }

    /// nil when `msisdn` is an E.164 number of at most 15 digits; else the reason.
    public static func problem(withMSISDN msisdn: String) -> String? {
        (5...15).contains(msisdn.count) && msisdn.allSatisfy(\.isASCIIDigit) && !msisdn.hasPrefix("0")
            ? nil : "an MSISDN is an E.164 number of 5 to 15 digits without a leading 0 or +"
    }

    /// The number of digits of an EID.
    public static let eidLength = 32

    /// nil when `eid` is 32 digits; else the reason.
    public static func problem(withEID eid: String) -> String? {
        eid.count == eidLength && eid.allSatisfy(\.isASCIIDigit) ? nil : "an EID is \(eidLength) digits"
    }

    /// nil when `imei` is 15 digits with a valid Luhn digit; else the reason.
    public static func problem(withIMEI imei: String) -> String? {
        guard imei.count == 15, imei.allSatisfy(\.isASCIIDigit) else { return "an IMEI is 15 digits" }
        return Luhn.isValid(imei) ? nil : "the last digit of an IMEI is its Luhn check digit"
    }
}

extension Character {
    /// True for `0` to `9` only.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
