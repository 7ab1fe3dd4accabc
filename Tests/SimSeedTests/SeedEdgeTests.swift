import Foundation
import SimCore
import SimSeed
import Testing

/// Seeds as hostile input: numbers at and past every bound, alias and merge-key bombs, oversized
/// files. Each is refused with a message or loads into a world that keeps working; none stops the process.
@Suite struct SeedEdgeTests {
    /// Values at and past the edges of Int64 and UInt64, negatives and 10^12, as JSON text.
    static let extremes = ["-9223372036854775808", "-1", "0", "1000000000000", "9223372036854775807", "18446744073709551615", "1e300"]

    /// Numbers of ``SeedFixtures/minimalJSON`` to replace, each by its text there.
    static let places = [
        "\"validityDays\": 30", "\"dataQuotaBytes\": 1073741824", "\"smsQuota\": 5", "\"quotaBytes\": 1000", "\"randomSeed\": 7",
        "\"price\": 1.5",
    ]

    @Test(arguments: places, extremes)
    func aNumberAtOrPastItsBoundIsRefusedOrLoadsIntoAWorkingWorld(place: String, value: String) async throws {
        let key = try #require(place.split(separator: ":").first)
        let json = SeedFixtures.minimalJSON.replacingOccurrences(of: place, with: "\(key): \(value)")
        #expect(json != SeedFixtures.minimalJSON)
        let seed: WorldSeed
        do {
            seed = try SeedLoader.load(json: json, source: "edge.json")
        } catch {
            #expect(!error.problems.isEmpty)
            return
        }
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: FixedWallClock(), pushTransport: NoPushTransport())
        let enterprise = try #require(seed.enterprises.first?.enterprise.name)
        _ = try? simulator.createSIMs(SIMCreationRequest(accountName: "Prepaid", count: 2, status: .activated), enterprise: enterprise)
        _ = try? simulator.setBackgroundTraffic(enabled: true, bytesPerDay: nil, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .days(400))
        _ = await simulator.resetTakingTurn()
        #expect(simulator.exportState().enterprises.count == 1)
    }

    @Test func aValidityPastAHundredYearsIsRefusedNamingTheEntry() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "validityDays: 30", with: "validityDays: 1000000000000")
        let refusal = try #require(SeedFixtures.refusal(of: yaml))
        #expect(refusal.problems.contains { $0.path.hasSuffix("validityDays") && $0.message.contains("36500") })
    }

    /// A chain of `levels` anchors, each merging the previous one twice: 2^levels nodes once expanded.
    private static func mergeBomb(levels: Int) -> String {
        var yaml = "a0: &a0 {x: 1, y: 2}\n"
        for level in 1...levels {
            yaml += "a\(level): &a\(level)\n  <<: [*a\(level - 1), *a\(level - 1)]\n  k\(level)a: *a\(level - 1)\n  k\(level)b: *a\(level - 1)\n"
        }
        return yaml + "version: 1\n"
    }

    @Test(arguments: [18, 24, 40])
    func aMergeKeyBombIsRefusedAtOnce(levels: Int) throws {
        let started = ContinuousClock.now
        let refusal = try #require(SeedFixtures.refusal(of: Self.mergeBomb(levels: levels)))
        #expect(refusal.problems.contains { $0.message.contains("aliases and merge keys") })
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aDocumentNestedTooDeeplyIsRefused() throws {
        let yaml = "version: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let refusal = try #require(SeedFixtures.refusal(of: yaml))
        #expect(refusal.problems.contains { $0.message.contains("deeper than 64") })
    }

    /// Seeds nested a hundred thousand levels deep, in each form the nesting pre-scan counts.
    static let deepSeeds: [String] = [
        "enterprises: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
        "enterprises: " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + "\n",
        "enterprises:\n" + String(repeating: "- ", count: 100_000) + "x\n",
        (0...1_500).map { String(repeating: " ", count: $0) + "k:\n" }.joined(),
    ]

    @Test(arguments: deepSeeds)
    func aSeedNestedAHundredThousandLevelsDeepIsRefusedBeforeItIsParsed(yaml: String) throws {
        let started = ContinuousClock.now
        let refusal = try #require(SeedFixtures.refusal(of: yaml))
        #expect(refusal.problems.first?.message.contains("nests deeper than \(YAMLNestingLimit.maximumDepth) levels") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aJSONSeedNestedAHundredThousandLevelsDeepIsRefused() throws {
        let json = #"{"enterprises": "# + String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_001)
        let error = #expect(throws: SeedError.self) { try SeedLoader.load(json: json, source: "deep.json") }
        #expect(error?.problems.first?.message.contains("nests deeper than") == true)
    }

    @Test func aSeedWithAFewAliasesStillLoads() throws {
        let yaml = try SeedFixtures.minimalYAML(replacing: "simSkus: [\"SKU-A\"]", with: "simSkus: &skus [\"SKU-A\"]")
        #expect(throws: Never.self) { try SeedLoader.load(yaml: yaml, source: "aliases.yaml") }
    }

    @Test func aSeedLargerThanTheLimitIsRefusedWithTheLimit() throws {
        let text = SeedFixtures.minimalYAML + "# " + String(repeating: "x", count: SeedLoader.maximumBytes) + "\n"
        let refusal = try #require(SeedFixtures.refusal(of: text))
        #expect(refusal.problems.first?.message.contains("at most \(SeedLoader.maximumBytes) bytes") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("large-seed-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: SeedError.self) { try SeedLoader.load(fileAt: file.path) }
    }
}

/// A wall clock standing still.
private struct FixedWallClock: WallClock {
    func nowMilliseconds() -> Int64 { 1_742_025_600_000 }
}

/// A transport answering every push with 204.
private struct NoPushTransport: PushTransport {
    func send(_ request: PushRequest) async -> PushOutcome { PushOutcome(httpStatus: 204, error: nil) }
}
