import Foundation
import Testing

@testable import SimCore

@Suite("Sliced advances: big work runs in bounded slices and ends in the same world")
struct SlicedAdvanceTests {
    /// More ACTIVATED SIMs than one slice of background traffic takes (60 % of the generated ones are ACTIVATED).
    static let generatedCount = 3_000
    static let enterprise = TestWorld.enterpriseName

    static func simulator() throws -> Simulator {
        let simulator = Simulator(seed: seedWithFleet(), clockMode: .manual, wallClock: ManualWallClock(milliseconds: 1_700_000_000_000))
        _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, enterprise: enterprise)
        return simulator
    }

    static func activated(_ simulator: Simulator) throws -> [SIM] {
        let page = try PageRequest(page: 0, size: 1000)
        var sims: [SIM] = []
        var index = 0
        while true {
            let items = try simulator.sims(SIMFilter(status: .activated), page: PageRequest(page: index, size: page.size), enterprise: enterprise)
                .items
            sims += items
            if items.count < page.size { return sims }
            index += 1
        }
    }

    @Test("a round of background traffic larger than a slice still gives every ACTIVATED SIM one session, at the round's time")
    func everySIMGetsItsSession() throws {
        let simulator = try Self.simulator()
        let round = TestWorld.startTime.adding(BackgroundTraffic.interval)
        try simulator.advance(to: round)
        let activated = try Self.activated(simulator)
        #expect(activated.count > BackgroundTraffic.sliceSize)
        #expect(activated.allSatisfy { $0.lastSessionTime == round })
    }

    @Test("an advance made in slices ends in the same world as one made in a single step")
    func slicedEqualsSingleStep() async throws {
        let sliced = try Self.simulator()
        let single = try Self.simulator()
        try await sliced.advanceAndDeliver(by: .hours(5))
        try single.advance(by: .hours(5))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(sliced.exportState()) == encoder.encode(single.exportState()))
    }

    @Test("a slice stops once its budget is spent and shows the clock just before the moment still running")
    func sliceStopsAtItsBudget() throws {
        var world = World(seed: Self.seedWithFleet(), clockMode: .manual, clockScale: 1, wallMilliseconds: 0)
        try world.withTenant(Self.enterprise) { tenant throws(SimError) in
            _ = try tenant.setBackgroundTraffic(enabled: true, bytesPerDay: 24_000, at: TestWorld.startTime)
        }
        let round = TestWorld.startTime.adding(BackgroundTraffic.interval)
        let end = world.runDueWorkSlice(upTo: round, ownClockOf: nil, budget: World.sliceBudget)
        #expect(end == .budgetSpent(at: round))
        // The rest of the round waits at the same moment.
        #expect(world.nextDueTime(ownClockOf: nil) == round)
        #expect(world.runDueWorkSlice(upTo: round, ownClockOf: nil, budget: World.sliceBudget) == .finished)
    }

    static func seedWithFleet() -> WorldSeed {
        var seed = TestWorld.make()
        seed.countryCodeByMCC = ["234": "GB"]
        seed.addGeneratedSIMs(generatedCount)
        return seed
    }
}
