import Testing

@testable import SimCore

@Suite("Tenant copies: the demo enterprise's generated SIMs are copied only when asked")
struct TenantCopyTests {
    static let generatedCount = 300
    static let everything = try! PageRequest(page: 0, size: 1000)

    /// The test world with `generatedCount` generated SIMs in its demo enterprise.
    static func simulator() -> Simulator {
        var seed = TestWorld.make()
        seed.addGeneratedSIMs(generatedCount)
        return Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(milliseconds: 1_700_000_000_000))
    }

    static func giccids(_ simulator: Simulator, _ enterprise: String) throws -> [String] {
        try simulator.sims(SIMFilter(), page: everything, enterprise: enterprise).items.map(\.giccid)
    }

    @Test("generated SIMs join the demo enterprise after its declared ones, with the fleet's identifiers, and are counted")
    func generatedSIMsAreCounted() {
        var seed = TestWorld.make()
        let declared = seed.demoEnterprise.sims
        seed.addGeneratedSIMs(Self.generatedCount)
        let fleet = SIMFleet.generate(Self.generatedCount, for: TestWorld.make().demoEnterprise, before: TestWorld.startTime)
        #expect(seed.demoEnterprise.sims == declared + fleet)
        #expect(seed.demoEnterprise.generatedSIMCount == Self.generatedCount)
    }

    @Test("the default copy takes the seed's declared SIMs only; the demo keeps its whole fleet")
    func defaultCopyLeavesGeneratedSIMsOut() throws {
        let simulator = Self.simulator()
        _ = try simulator.createEnterprise(named: "Team", apiKey: nil, template: .default)
        #expect(try Self.giccids(simulator, "Team") == TestWorld.allGiccids)
        #expect(try Self.giccids(simulator, TestWorld.enterpriseName).count == TestWorld.allGiccids.count + Self.generatedCount)
    }

    @Test("withGeneratedSIMs copies the demo's SIMs, generated ones included")
    func copyWithGeneratedSIMs() throws {
        let simulator = Self.simulator()
        _ = try simulator.createEnterprise(named: "Team", apiKey: nil, template: .default, withGeneratedSIMs: true)
        // The copy's package orders get ids of its own generator; the SIMs are the demo's.
        let copied = try Self.giccids(simulator, "Team")
        #expect(copied.count == TestWorld.allGiccids.count + Self.generatedCount)
        #expect(copied == (try Self.giccids(simulator, TestWorld.enterpriseName)))
    }

    @Test("generated SIMs with the empty template are refused, and no enterprise is made")
    func emptyWithGeneratedSIMsIsRefused() throws {
        let simulator = Self.simulator()
        let error = #expect(throws: SimError.self) {
            try simulator.createEnterprise(named: "Team", apiKey: nil, template: .empty, withGeneratedSIMs: true)
        }
        #expect(error?.category == .rejected)
        #expect(error?.issues.first?.field == "withGeneratedSims")
        #expect(!simulator.hasEnterprise(named: "Team"))
    }

    @Test("a reset gives the demo enterprise its generated SIMs back")
    func resetKeepsTheFleet() throws {
        let simulator = Self.simulator()
        _ = simulator.reset()
        #expect(try Self.giccids(simulator, TestWorld.enterpriseName).count == TestWorld.allGiccids.count + Self.generatedCount)
    }
}
