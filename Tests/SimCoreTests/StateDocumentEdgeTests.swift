import Foundation
import Testing

@testable import SimCore

/// State documents with every counted number at and past its bounds: each is refused or loads
/// into a world that keeps working (enterprises, SIMs, traffic, a long advance), never a trap.
@Suite struct StateDocumentEdgeTests {
    let enterprise = TestWorld.enterpriseName

    /// Values at and past the edges of Int64 and UInt64, negatives and 10^12.
    static let extremes: [Double] = [
        -9.223372036854775808e18, -1, 0, 1e12, 9_007_199_254_740_991, 9_007_199_254_740_992, 9.223372036854775807e18, 1.8446744073709551615e19,
    ]

    /// Where the numbers go, as a path of keys (a number picks an element of a list).
    static let places: [[String]] = [
        ["nextTenantSerial"], ["scheduled", "nextSequence"], ["scheduled", "pending", "0", "sequence"],
        ["enterprises", "0", "identifiers", "serial"], ["enterprises", "0", "serial"], ["enterprises", "0", "backgroundTraffic", "generation"],
        ["enterprises", "0", "backgroundTraffic", "bytesPerDay"], ["enterprises", "0", "sims", "0", "cycleDataUsageBytes"],
        ["enterprises", "0", "sims", "0", "cycleSmsCount"], ["enterprises", "0", "settings", "prepaidExpiryWarning"],
        ["enterprises", "0", "settings", "batchTaskInterval"], ["enterprises", "0", "settings", "pushTimeout"],
        ["enterprises", "0", "settings", "noSessionAlert"], ["enterprises", "0", "settings", "testQuotaBytes"],
    ]

    /// A world with pending work, traffic on and a batch job queued, as a JSON object.
    private func document() async throws -> [String: Any] {
        let simulator = TestWorld.simulator()
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 48_000, enterprise: enterprise)
        _ = try simulator.submitBatchJob(BatchJobRequest(kind: .activate, giccids: [TestWorld.giccid(.inventory)]), enterprise: enterprise)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try #require(try JSONSerialization.jsonObject(with: try encoder.encode(simulator.exportState())) as? [String: Any])
    }

    private static func replacing(_ path: ArraySlice<String>, in value: Any, with number: Any) -> Any {
        guard let key = path.first else { return number }
        if var list = value as? [Any], let index = Int(key), list.indices.contains(index) {
            list[index] = replacing(path.dropFirst(), in: list[index], with: number)
            return list
        }
        if var object = value as? [String: Any], object[key] != nil {
            object[key] = replacing(path.dropFirst(), in: object[key]!, with: number)
            return object
        }
        return value
    }

    /// The JSON number for `value`: exact integers where the value is one.
    private static func number(_ value: Double) -> Any {
        switch value {
        case 1.8446744073709551615e19: return UInt64.max
        case 9.223372036854775807e18: return Int64.max
        case -9.223372036854775808e18: return Int64.min
        default: return Int64(value)
        }
    }

    @Test(arguments: places, extremes)
    func aNumberAtOrPastItsBoundIsRefusedOrLoadsIntoAWorkingWorld(place: [String], value: Double) async throws {
        let edited = Self.replacing(place[...], in: try await document(), with: Self.number(value))
        let data = try JSONSerialization.data(withJSONObject: edited)
        guard let state = try? JSONDecoder().decode(WorldState.self, from: data) else { return }
        let simulator = TestWorld.simulator()
        await simulator.importStateTakingTurn(state)
        _ = try? simulator.createEnterprise(named: "Edge", apiKey: nil, template: .default)
        _ = try? simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 2), enterprise: enterprise)
        _ = try? simulator.setBackgroundTraffic(enabled: true, bytesPerDay: nil, enterprise: enterprise)
        _ = try? simulator.setBackgroundTraffic(enabled: false, bytesPerDay: nil, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .days(40))
        #expect(simulator.exportState().enterprises.count >= 1)
    }

    @Test(arguments: [["nextTenantSerial"], ["scheduled", "nextSequence"], ["scheduled", "pending", "0", "sequence"]])
    func aCounterPastTwoToTheFiftyThreeIsRefused(place: [String]) async throws {
        let edited = Self.replacing(place[...], in: try await document(), with: UInt64.max)
        let data = try JSONSerialization.data(withJSONObject: edited)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorldState.self, from: data) }
    }

    @Test func aRepeatedICCIDAnUnknownReferenceABadEIDAndAQueuedJobWithoutItsStepAreRefused() async throws {
        let original = try await document()
        let enterprises = try #require(original["enterprises"] as? [[String: Any]])
        let sims = try #require(enterprises[0]["sims"] as? [[String: Any]])
        var otherAccount = sims[0]
        otherAccount["accountName"] = "Nobody"
        var shortEID = sims[0]
        shortEID["eid"] = "8904903200"
        let scheduled = try #require(original["scheduled"] as? [String: Any])
        var withoutStep = scheduled
        withoutStep["pending"] = (scheduled["pending"] as? [Any] ?? []).filter { !"\($0)".contains("batchStep") }
        let cases: [(document: Any, reason: String)] = [
            (Self.replacing(["enterprises", "0", "sims"], in: original, with: sims + [sims[0]]), "repeats"),
            (Self.replacing(["enterprises", "0", "sims", "0"], in: original, with: otherAccount), "unknown account 'Nobody'"),
            (Self.replacing(["scheduled"], in: original, with: withoutStep), "no scheduled step"),
            (Self.replacing(["enterprises", "0", "sims", "0"], in: original, with: shortEID), "eid: an EID is 32 digits"),
        ]
        for (document, reason) in cases {
            let data = try JSONSerialization.data(withJSONObject: document)
            let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorldState.self, from: data) }
            #expect(String(describing: error).contains(reason), "\(reason)")
        }
    }

    @Test func durationsAndTimesSaturateInsteadOfTrapping() {
        #expect(SimDuration.days(1_000_000_000_000).milliseconds == .max)
        #expect(SimDuration.days(-1_000_000_000_000).milliseconds == .min)
        #expect(SimDuration.seconds(.min).milliseconds == .min)
        #expect(Timestamp(secondsSinceEpoch: .max).millisecondsSinceEpoch == .max)
        #expect(Timestamp.latest.adding(.days(1_000_000_000_000)).millisecondsSinceEpoch == .max)
    }
}
