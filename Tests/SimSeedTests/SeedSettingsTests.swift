import SimCore
import SimSeed
import Testing

/// The optional `settings` section: durations read as numbers or strings, defaults otherwise.
@Suite("Seed settings")
struct SeedSettingsTests {
    @Test("the minimal seed without settings gets the defaults")
    func defaults() throws {
        let seed = try SeedLoader.load(yaml: SeedFixtures.minimalYAML, source: "minimal.yaml")
        #expect(seed.settings == .defaults)
    }

    @Test("the default seed states the default settings")
    func defaultSeed() throws {
        let seed = try SeedLoader.load(fileAt: try SeedFixtures.defaultSeedPath())
        #expect(seed.settings == .defaults)
    }

    @Test("durations are numbers of seconds or strings with a unit")
    func durations() throws {
        // Given a seed whose settings mix numbers and strings
        let yaml =
            SeedFixtures.minimalYAML + """

                settings:
                  batchStartDelay: 0
                  batchTaskInterval: "500ms"
                  pushTimeout: 1.5
                  pushRetrySchedule: ["1s", 60]
                  smsDeliveryDelay: "1m"
                """
        // When it is loaded, Then each value is read
        let settings = try SeedLoader.load(yaml: yaml, source: "settings.yaml").settings
        #expect(settings.batchStartDelay == .zero)
        #expect(settings.batchTaskInterval == SimDuration(milliseconds: 500))
        #expect(settings.pushTimeout == SimDuration(milliseconds: 1500))
        #expect(settings.pushRetrySchedule == [.seconds(1), .minutes(1)])
        #expect(settings.smsDeliveryDelay == .minutes(1))
    }

    @Test("the signature time is simulated unless the seed says wall; another word is refused")
    func signatureTime() throws {
        #expect(try SeedLoader.load(yaml: SeedFixtures.minimalYAML, source: "minimal.yaml").settings.signatureTime == .simulated)
        let wall = try SeedLoader.load(yaml: SeedFixtures.minimalYAML + "\nsettings:\n  signatureTime: wall\n", source: "wall.yaml")
        #expect(wall.settings.signatureTime == .wall)
        let refused = SeedFixtures.refusal(of: SeedFixtures.minimalYAML + "\nsettings:\n  signatureTime: local\n")
        #expect(refused?.description.contains("settings.signatureTime") == true)
    }

    @Test("a bad duration or an unknown setting is refused, naming it")
    func refusals() throws {
        let badDuration = SeedFixtures.refusal(of: SeedFixtures.minimalYAML + "\nsettings:\n  batchTaskInterval: \"soon\"\n")
        #expect(badDuration?.description.contains("settings.batchTaskInterval") == true)
        let unknown = SeedFixtures.refusal(of: SeedFixtures.minimalYAML + "\nsettings:\n  batchPace: 1\n")
        #expect(unknown?.description.contains("batchPace") == true)
    }
}
