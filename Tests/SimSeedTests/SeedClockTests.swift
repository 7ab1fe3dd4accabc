import Foundation
import SimCore
import SimSeed
import Testing

/// `clock` of a seed enterprise: `own` gives it a clock of its own from `startTime`.
@Suite("Seed clocks")
struct SeedClockTests {
    @Test("an enterprise declared with its own clock lives by it; without the key it shares the world clock")
    func ownClock() throws {
        // Given a seed whose enterprise declares its own clock
        let yaml = try SeedFixtures.minimalYAML(
            replacing: #"    apiKey: "acme-key-0123456789abcdef""#,
            with: """
                    apiKey: "acme-key-0123456789abcdef"
                    clock: own
                """)
        // When it is loaded and run
        let seed = try SeedLoader.load(yaml: yaml, source: "own.yaml")
        #expect(seed.demoEnterprise.ownClock == OwnClockDeclaration())
        #expect(try SeedLoader.load(yaml: SeedFixtures.minimalYAML, source: "minimal.yaml").demoEnterprise.ownClock == nil)
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        try simulator.advance(by: .hours(1))
        // Then an unscoped advance leaves the enterprise's clock at the start
        #expect(simulator.clockReading(for: "Acme") == ClockReading(now: seed.startTime, mode: .manual, scale: 1, isOwn: true))
        #expect(simulator.clockReading().now == seed.startTime.adding(.hours(1)))
    }

    @Test("an unknown clock kind is refused, naming the key")
    func unknownKind() throws {
        let yaml = try SeedFixtures.minimalYAML(
            replacing: #"    apiKey: "acme-key-0123456789abcdef""#,
            with: """
                    apiKey: "acme-key-0123456789abcdef"
                    clock: mine
                """)
        let error = try #require(SeedFixtures.refusal(of: yaml))
        #expect(error.problems.contains { $0.path.hasSuffix("clock") }, "\(error)")
    }
}
