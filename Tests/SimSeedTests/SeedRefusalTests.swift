import SimSeed
import Testing

/// A broken seed is refused with a message naming the file, the entry path and the problem.
@Suite("Seed refusals")
struct SeedRefusalTests {
    /// One way to break the minimal seed, and the problem it must be refused with.
    struct Breakage: CustomTestStringConvertible, Sendable {
        /// What is wrong, as the test's name.
        var name: String
        /// Text of the minimal seed to replace …
        var old: String
        /// … and its replacement.
        var new: String
        /// The entry path the problem must name.
        var path: String
        /// Words the problem's message must contain.
        var message: String

        /// The name of the case in test reports.
        var testDescription: String { name }
    }

    /// Every way of breaking the seed that the loader must catch.
    static let breakages: [Breakage] = [
        Breakage(
            name: "bad Luhn digit", old: "iccid: \"8944000000000000019\"", new: "iccid: \"8944000000000000018\"",
            path: "enterprises[0].sims[0].iccid",
            message: "'8944000000000000018' fails the Luhn check (the last digit of an ICCID is its Luhn check digit)"),
        Breakage(
            name: "ICCID too short", old: "iccid: \"8944000000000000019\"", new: "iccid: \"894400019\"",
            path: "enterprises[0].sims[0].iccid", message: "an ICCID is 19 or 20 digits starting with 89"),
        Breakage(
            name: "duplicate ICCID", old: "iccid: \"8944000000000000027\"", new: "iccid: \"8944000000000000019\"",
            path: "enterprises[0].sims[1].iccid", message: "duplicate ICCID '8944000000000000019': already used by enterprises[0].sims[0]"),
        Breakage(
            name: "duplicate MSISDN", old: "msisdn: \"447700900002\"", new: "msisdn: \"447700900001\"",
            path: "enterprises[0].sims[1].msisdn", message: "duplicate MSISDN"),
        Breakage(
            name: "bad IMSI", old: "imsi: \"234150000000001\"", new: "imsi: \"23415\"",
            path: "enterprises[0].sims[0].imsi", message: "an IMSI is 15 digits"),
        Breakage(
            name: "bad IMEI", old: "imei: \"350000000000006\"", new: "imei: \"350000000000007\"",
            path: "enterprises[0].sims[0].imei", message: "fails the Luhn check"),
        Breakage(
            name: "bad EID", old: "imei: \"350000000000006\"", new: "eid: \"1234\"",
            path: "enterprises[0].sims[0].eid", message: "an EID is 32 digits"),
        Breakage(
            name: "unknown account", old: "accountName: \"Postpaid\"", new: "accountName: \"Nobody\"",
            path: "enterprises[0].sims[1].accountName", message: "no account named 'Nobody' in this enterprise"),
        Breakage(
            name: "SKU of another account", old: "simSku: \"SKU-A\"", new: "simSku: \"SKU-B\"",
            path: "enterprises[0].sims[0].simSku", message: "'SKU-B' is not one of the simSkus of account 'Prepaid'"),
        Breakage(
            name: "package of another account", old: "basicServicePackageName: \"Pool-Basic\"", new: "basicServicePackageName: \"Basic-1G\"",
            path: "enterprises[0].sims[1].basicServicePackageName",
            message: "'Basic-1G' is a service package of account 'Prepaid', not of 'Postpaid'"),
        Breakage(
            name: "supplementary package as basic", old: "basicServicePackageName: \"Basic-1G\"", new: "basicServicePackageName: \"Addon\"",
            path: "enterprises[0].sims[0].basicServicePackageName", message: "'Addon' is a SUPPLEMENTARY package"),
        Breakage(
            name: "unknown package", old: "basicServicePackageName: \"Basic-1G\"", new: "basicServicePackageName: \"Basic-9G\"",
            path: "enterprises[0].sims[0].basicServicePackageName", message: "no service package named 'Basic-9G'"),
        Breakage(
            name: "PREPAID without renew type", old: "prepaidRenewType: AUTO", new: "",
            path: "enterprises[0].accounts[0].prepaidRenewType", message: "a PREPAID account needs a prepaidRenewType (DISABLE_CARD or AUTO)"),
        Breakage(
            name: "renew type on a CHARGE account", old: "chargeType: CHARGE", new: "chargeType: CHARGE\n        prepaidRenewType: AUTO",
            path: "enterprises[0].accounts[1].prepaidRenewType", message: "only a PREPAID account has a prepaidRenewType; this one is CHARGE"),
        Breakage(
            name: "account without a BASIC package", old: "name: \"Pool-Basic\"\n            type: BASIC",
            new: "name: \"Pool-Basic\"\n            type: SUPPLEMENTARY",
            path: "enterprises[0].accounts[1].servicePackages", message: "an account has at least one BASIC service package"),
        Breakage(
            name: "pool of no account", old: "sharePoolName: \"Pool\"", new: "sharePoolName: \"Puddle\"",
            path: "enterprises[0].accounts[1].servicePackages[0].sharePoolName", message: "'Puddle' is not a share pool of account 'Postpaid'"),
        Breakage(
            name: "duplicate package name", old: "name: \"Addon\"", new: "name: \"Basic-1G\"",
            path: "enterprises[0].accounts[0].servicePackages[1].name",
            message: "the service package name 'Basic-1G' is already used by enterprises[0].accounts[0].servicePackages[0]"),
        Breakage(
            name: "duplicate account name", old: "name: \"Postpaid\"", new: "name: \"Prepaid\"",
            path: "enterprises[0].accounts[1].name", message: "the account name 'Prepaid' is already used by enterprises[0].accounts[0]"),
        Breakage(
            name: "bad enum value", old: "chargeType: CHARGE", new: "chargeType: FOO",
            path: "enterprises[0].accounts[1].chargeType", message: "expected one of CHARGE, EXPERIENCE, PREPAID, got 'FOO'"),
        Breakage(
            name: "bad SIM status", old: "status: INVENTORY", new: "status: SUSPENDED",
            path: "enterprises[0].sims[1].status",
            message: "expected one of TEST_READY, INVENTORY, ACTIVATION_READY, ACTIVATED, DEACTIVATED, RETIRED, got 'SUSPENDED'"),
        Breakage(
            name: "missing key", old: "name: \"Acme\"", new: "",
            path: "enterprises[0].name", message: "missing required key 'name'"),
        Breakage(
            name: "missing SIM status", old: "status: INVENTORY", new: "",
            path: "enterprises[0].sims[1].status", message: "missing required key 'status'"),
        Breakage(
            name: "unknown key", old: "simSku: \"SKU-A\"", new: "simSKU: \"SKU-A\"",
            path: "enterprises[0].sims[0].simSKU", message: "unknown key 'simSKU' (did you mean 'simSku'?)"),
        Breakage(
            name: "unknown key unlike any", old: "randomSeed: 7", new: "randomSeed: 7\nflavour: mint",
            path: "flavour", message: "unknown key 'flavour'; the keys of a document are version, startTime, randomSeed, enterprises"),
        Breakage(
            name: "string instead of integer", old: "quotaBytes: 1000", new: "quotaBytes: lots",
            path: "enterprises[0].accounts[1].sharePools[0].quotaBytes", message: "expected an integer, got 'lots'"),
        Breakage(
            name: "list instead of string", old: "name: \"Acme\"", new: "name: [\"Acme\"]",
            path: "enterprises[0].name", message: "expected a string, got a list"),
        Breakage(
            name: "scalar instead of mapping", old: "sharePools:\n          - name: \"Pool\"\n            quotaBytes: 1000",
            new: "sharePools:\n          - Pool",
            path: "enterprises[0].accounts[1].sharePools[0]", message: "expected a mapping (a share pool), got 'Pool'"),
        Breakage(
            name: "null required value", old: "currency: USD", new: "currency: null",
            path: "enterprises[0].accounts[0].servicePackages[0].currency", message: "expected a string, got null"),
        Breakage(
            name: "negative random seed", old: "randomSeed: 7", new: "randomSeed: -7",
            path: "randomSeed", message: "expected a non-negative integer of at most 18446744073709551615, got '-7'"),
        Breakage(
            name: "wrong version", old: "version: 1", new: "version: 2",
            path: "version", message: "the format version must be 1, got 2"),
        Breakage(
            name: "time after startTime", old: "activatedTime: \"2025-03-01T00:00:00+0000\"", new: "activatedTime: \"2025-04-01T00:00:00+0000\"",
            path: "enterprises[0].sims[0].activatedTime", message: "2025-04-01T00:00:00+0000 is after startTime 2025-03-15T08:00:00+0000"),
        Breakage(
            name: "bad time format", old: "createdTime: \"2025-01-01T00:00:00+0000\"", new: "createdTime: \"2025-01-01 00:00:00\"",
            path: "enterprises[0].sims[0].createdTime",
            message: "'2025-01-01 00:00:00' is not a time in the format yyyy-MM-dd'T'HH:mm:ssZ, e.g. 2018-10-10T10:32:50+0000 (RFC 3339 is read too"),
        Breakage(
            name: "time with an offset past 23 hours", old: "startTime: \"2025-03-15T08:00:00+0000\"",
            new: "startTime: \"2025-03-15T08:00:00+24:00\"",
            path: "startTime", message: "is not a time in the format"),
        Breakage(
            name: "bad API key", old: "apiKey: \"acme-key-0123456789abcdef\"", new: "apiKey: \"short key\"",
            path: "enterprises[0].apiKey", message: "an API key is 16 to 128 characters of letters, digits, '_' and '-'"),
        Breakage(
            name: "custom field too long", old: "custom1: \"truck-1\"", new: "custom1: \"\(String(repeating: "x", count: 256))\"",
            path: "enterprises[0].sims[0].custom1", message: "at most 255 characters, got 256"),
        Breakage(
            name: "negative price", old: "price: 1.5", new: "price: -1.5",
            path: "enterprises[0].accounts[0].servicePackages[0].price", message: "must be a number not below 0"),
        Breakage(
            name: "negative quota", old: "quotaBytes: 1000", new: "quotaBytes: -1",
            path: "enterprises[0].accounts[1].sharePools[0].quotaBytes", message: "must not be negative"),
        Breakage(
            name: "bad currency", old: "currency: USD", new: "currency: dollars",
            path: "enterprises[0].accounts[0].servicePackages[0].currency", message: "ISO 4217"),
    ]

    @Test("refuses a seed with", arguments: breakages)
    func refuses(_ breakage: Breakage) throws {
        // Given the minimal seed broken in one way
        let yaml = try SeedFixtures.minimalYAML(replacing: breakage.old, with: breakage.new)
        // When it is loaded
        let error = try #require(SeedFixtures.refusal(of: yaml))
        // Then the error names the file, the entry path and the problem
        let problem = error.problems.first { $0.path == breakage.path }
        #expect(problem != nil, "no problem at \(breakage.path) in:\n\(error)")
        #expect(problem?.message.contains(breakage.message) == true, "\(error)")
        #expect(problem?.line != nil)
        #expect(error.description.contains("bad.yaml:"))
        #expect(error.description.contains("\(breakage.path): "))
        #expect(error.description.contains(breakage.message))
    }

    @Test("refuses malformed YAML, naming its line")
    func malformedYAML() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "simSkus: [\"SKU-A\"]", with: "simSkus: [\"SKU-A\"")
        let error = try #require(SeedFixtures.refusal(of: yaml))
        #expect(error.problems.count == 1)
        #expect(error.problems[0].message.contains("YAML syntax error"))
        #expect(error.problems[0].line != nil)
        #expect(error.description.hasPrefix("bad.yaml:"))
    }

    @Test("refuses a YAML mapping with a key twice")
    func duplicateYAMLKey() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "randomSeed: 7", with: "randomSeed: 7\nrandomSeed: 8")
        let error = try #require(SeedFixtures.refusal(of: yaml))
        #expect(error.problems.first?.message.contains("duplicate key 'randomSeed'") == true, "\(error)")
        #expect(error.problems.first?.line == 3)
    }

    @Test("refuses an empty document and one that is not a mapping")
    func notADocument() throws {
        let empty = try #require(SeedFixtures.refusal(of: ""))
        #expect(empty.description == "bad.yaml:1: the document is empty")
        let list = try #require(SeedFixtures.refusal(of: "- 1\n- 2\n"))
        #expect(list.description.contains("expected a mapping (the document), got a list"))
    }

    @Test("names the line of the bad value")
    func lineOfValue() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "iccid: \"8944000000000000027\"", with: "iccid: \"8944000000000000028\"")
        let error = try #require(SeedFixtures.refusal(of: yaml))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLine = try #require(lines.firstIndex { $0.contains("8944000000000000028") }) + 1
        #expect(error.problems.map(\.line) == [expectedLine])
        #expect(error.description.hasPrefix("bad.yaml:\(expectedLine): enterprises[0].sims[1].iccid: '8944000000000000028' fails the Luhn check"))
    }

    @Test("reports every problem, not only the first")
    func severalProblems() throws {
        // Given a seed with two decoding problems in different entries
        var yaml = try SeedFixtures.minimalYAML(replacing: "chargeType: CHARGE", with: "chargeType: FOO")
        yaml = yaml.replacingOccurrences(of: "simSku: \"SKU-A\"", with: "simSKU: \"SKU-A\"")
        yaml = yaml.replacingOccurrences(of: "status: INVENTORY", with: "status: NEW")
        // When it is loaded
        let error = try #require(SeedFixtures.refusal(of: yaml))
        // Then all three are reported
        #expect(
            error.problems.map(\.path) == [
                "enterprises[0].accounts[1].chargeType", "enterprises[0].sims[0].simSKU", "enterprises[0].sims[1].status",
            ])
        #expect(error.description.split(separator: "\n").count == 3)
    }

    @Test("reports every validation problem, not only the first")
    func severalValidationProblems() throws {
        var yaml = try SeedFixtures.minimalYAML(replacing: "accountName: \"Postpaid\"", with: "accountName: \"Nobody\"")
        yaml = yaml.replacingOccurrences(of: "iccid: \"8944000000000000019\"", with: "iccid: \"8944000000000000018\"")
        let error = try #require(SeedFixtures.refusal(of: yaml))
        #expect(error.problems.map(\.path) == ["enterprises[0].sims[0].iccid", "enterprises[0].sims[1].accountName"])
    }

    @Test("refuses JSON with the same paths and words")
    func jsonRefusals() throws {
        let json = SeedFixtures.minimalJSON.replacingOccurrences(of: "\"chargeType\": \"CHARGE\"", with: "\"chargeType\": \"FOO\"")
        do {
            _ = try SeedLoader.load(json: json, source: "bad.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "bad.json: enterprises[0].accounts[1].chargeType: expected one of CHARGE, EXPERIENCE, PREPAID, got 'FOO'")
        }
        let typed = SeedFixtures.minimalJSON.replacingOccurrences(of: "\"quotaBytes\": 1000", with: "\"quotaBytes\": \"1000\"")
        do {
            _ = try SeedLoader.load(json: typed, source: "bad.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "bad.json: enterprises[0].accounts[1].sharePools[0].quotaBytes: expected an integer, got '1000'")
        }
    }

    @Test("refuses malformed JSON")
    func malformedJSON() throws {
        do {
            _ = try SeedLoader.load(json: "{\"version\": 1,\n \"startTime\": x}", source: "bad.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bad.json:2: JSON syntax error"), "\(error)")
        }
    }

    @Test("names a file that cannot be read")
    func missingFile() {
        do {
            _ = try SeedLoader.load(fileAt: "/nonexistent/seed.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/seed.yaml: cannot read the file"), "\(error)")
        }
    }
}
