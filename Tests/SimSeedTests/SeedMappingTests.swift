import Foundation
import SimCore
import SimSeed
import Testing

/// A valid seed maps to core values with the README's defaults; JSON and YAML give the same world.
@Suite("Seed mapping")
struct SeedMappingTests {
    @Test("fills in the defaults of the README")
    func defaults() throws {
        // Given a seed that leaves statuses, times and APNs out
        // When it is loaded
        let seed = try SeedLoader.load(yaml: SeedFixtures.minimalYAML, source: "minimal.yaml")
        // Then the defaults are filled in
        let acme = seed.demoEnterprise
        let start = try Timestamp(smarthub: "2025-03-15T08:00:00+0000")
        #expect(acme.enterprise == Enterprise(name: "Acme", apiKey: "acme-key-0123456789abcdef", status: .enabled, createdTime: start))
        #expect(acme.accounts.map(\.status) == [.enabled, .enabled])
        #expect(acme.accounts[0].servicePackageNames == ["Basic-1G", "Addon"])
        #expect(acme.servicePackages.map(\.accountName) == ["Prepaid", "Prepaid", "Postpaid"])
        #expect(acme.servicePackages[0].dataQuotaBytes == 1_073_741_824)
        #expect(acme.servicePackages[1].dataQuotaBytes == nil)
        let first = acme.sims[0]
        #expect(first.createdTime == (try Timestamp(smarthub: "2025-01-01T00:00:00+0000")))
        #expect(first.lastStatusChangeTime == first.createdTime)
        #expect(first.customFields == CustomFields(custom1: "truck-1"))
        #expect(first.imei == "350000000000006")
        #expect(first.sharePoolName == nil)
        let second = acme.sims[1]
        #expect(second.createdTime == start)
        #expect(second.lastStatusChangeTime == start)
        #expect(second.apnName == SIM.defaultAPNName)
        #expect(second.apnStatus == .enabled)
        #expect(second.simSku == nil)
        #expect(second.sharePoolName == "Pool")
        #expect(second.activatedTime == nil)
    }

    @Test("reads the JSON form to the same world as the YAML form")
    func jsonEqualsYAML() throws {
        let fromYAML = try SeedLoader.load(yaml: SeedFixtures.minimalYAML, source: "minimal.yaml")
        let fromJSON = try SeedLoader.load(json: SeedFixtures.minimalJSON, source: "minimal.json")
        #expect(fromJSON == fromYAML)
    }

    @Test("reads a .json file as JSON and other files as YAML")
    func fileKinds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let jsonFile = directory.appendingPathComponent("seed.json")
        let yamlFile = directory.appendingPathComponent("seed.yml")
        try Data(SeedFixtures.minimalJSON.utf8).write(to: jsonFile)
        try Data(SeedFixtures.minimalYAML.utf8).write(to: yamlFile)
        #expect(try SeedLoader.load(fileAt: jsonFile.path) == SeedLoader.load(fileAt: yamlFile.path))
    }

    @Test("reads a JSON document through the YAML reader too (YAML 1.2 contains JSON)")
    func jsonThroughYAML() throws {
        let json = SeedFixtures.minimalJSON
        #expect(try SeedLoader.load(yaml: json, source: "minimal.json") == SeedLoader.load(json: json, source: "minimal.json"))
    }

    @Test("takes identifiers written as YAML numbers as their digits")
    func unquotedIdentifiers() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "msisdn: \"447700900001\"", with: "msisdn: 447700900001")
        let seed = try SeedLoader.load(yaml: yaml, source: "minimal.yaml")
        #expect(seed.demoEnterprise.sims[0].msisdn == "447700900001")
    }
}
