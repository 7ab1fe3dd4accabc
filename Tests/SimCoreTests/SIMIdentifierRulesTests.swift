import Testing

@testable import SimCore

@Suite("SIM identifier rules (smarthub-api.md §5)")
struct SIMIdentifierRulesTests {
    @Test(
        "valid ICCIDs: 19 or 20 digits starting 89 with a Luhn digit",
        arguments: ["8944990000000000011", "89860118050210000407", "8901260882220138777"])
    func validICCIDs(iccid: String) {
        #expect(Luhn.isValid(iccid))  // Given a Luhn-valid number of the right form
        #expect(SIMIdentifierRules.problem(withICCID: iccid) == nil)  // Then the rules accept it
    }

    @Test(
        "ICCIDs of the wrong form are refused with the form's reason",
        arguments: [
            "", "894499000000000001",  // 18 digits
            "894499000000000000000",  // 21 digits
            "8844990000000000015",  // does not start with 89
            "89449900000000000a3", "８９44990000000000013",
        ])
    func malformedICCIDs(iccid: String) {
        // Given an ICCID of the wrong length, prefix or characters, then the reason names the form
        #expect(SIMIdentifierRules.problem(withICCID: iccid) == "an ICCID is 19 or 20 digits starting with 89")
    }

    @Test("an ICCID with a wrong check digit is refused with the Luhn reason")
    func iccidCheckDigit() {
        // Given a valid ICCID with its last digit changed, then the reason names the check digit
        #expect(SIMIdentifierRules.problem(withICCID: "8944990000000000014") == "the last digit of an ICCID is its Luhn check digit")
    }

    @Test(
        "IMSIs are exactly 15 digits",
        arguments: [("234159900000001", true), ("23415990000000", false), ("2341599000000011", false), ("23415990000000a", false), ("", false)])
    func imsis(imsi: String, valid: Bool) {
        // Given an IMSI, then the rules accept it exactly when it is 15 digits
        #expect((SIMIdentifierRules.problem(withIMSI: imsi) == nil) == valid)
    }

    @Test(
        "MSISDNs are E.164: 5 to 15 digits, no leading 0 or +",
        arguments: [
            ("447900000001", true), ("12345", true), ("123456789012345", true), ("1234", false), ("1234567890123456", false),
            ("+447900000001", false), ("0447900000001", false), ("44 7900000001", false), ("", false),
        ])
    func msisdns(msisdn: String, valid: Bool) {
        // Given an MSISDN, then the rules accept it exactly when it is E.164 digits
        #expect((SIMIdentifierRules.problem(withMSISDN: msisdn) == nil) == valid)
    }

    @Test(
        "IMEIs are 15 digits ending in the Luhn digit of the first 14",
        arguments: [
            ("490154203237518", nil), ("490154203237519", "the last digit of an IMEI is its Luhn check digit"),
            ("4901542032375180", "an IMEI is 15 digits"),  // an IMEISV (16 digits) is not an IMEI
            ("49015420323751", "an IMEI is 15 digits"), ("49015420323751x", "an IMEI is 15 digits"),
        ] as [(String, String?)])
    func imeis(imei: String, problem: String?) {
        // Given an IMEI, then the rules give the expected reason, or none
        #expect(SIMIdentifierRules.problem(withIMEI: imei) == problem)
    }
}
