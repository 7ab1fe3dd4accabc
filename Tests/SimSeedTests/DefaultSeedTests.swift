import SimCore
import SimSeed
import Testing

/// The project's default seed (seed-data/default.yaml) loads and holds what its README promises.
@Suite("Default seed")
struct DefaultSeedTests {
    /// The default seed, loaded afresh for each test.
    let seed: WorldSeed

    /// Loads the default seed.
    init() throws {
        // Given the default seed file
        let path = try SeedFixtures.defaultSeedPath()
        // When it is loaded
        seed = try SeedLoader.load(fileAt: path)
    }

    @Test("has the demo enterprise, its key, start time and random seed")
    func demoEnterprise() {
        #expect(seed.enterprises.count == 1)
        #expect(seed.demoEnterprise.enterprise.name == "Demo IoT Ltd")
        #expect(seed.demoEnterprise.enterprise.apiKey == "demo-key-0d1f6a2c9e4b7385")
        #expect(seed.demoEnterprise.enterprise.status == .enabled)
        #expect(seed.startTime.smarthubString == "2025-03-15T08:00:00+0000")
        #expect(seed.randomSeed == 20_250_315)
    }

    @Test("has the four accounts with their packages and pool")
    func accounts() {
        let demo = seed.demoEnterprise
        #expect(demo.accounts.map(\.name) == ["Fleet Prepaid", "Metering Postpaid", "Asset Trackers", "试用账户"])
        #expect(demo.accounts.map(\.chargeType) == [.prepaid, .charge, .prepaid, .experience])
        #expect(demo.accounts.map(\.prepaidRenewType) == [.disableCard, nil, .auto, nil])
        #expect(demo.accounts[0].servicePackageNames == ["Prepaid-Basic-1G", "Prepaid-Basic-5G", "Prepaid-Addon-500M"])
        #expect(demo.accounts[1].sharePoolNames == ["Metering-Pool-10G"])
        #expect(demo.sharePools == [SharePool(name: "Metering-Pool-10G", accountName: "Metering Postpaid", quotaBytes: 10_737_418_240)])
        #expect(demo.servicePackages.count == 8)
        let poolBasic = demo.servicePackages.first { $0.name == "Postpaid-Pool-Basic" }
        #expect(poolBasic?.sharePoolName == "Metering-Pool-10G")
        #expect(poolBasic?.dataQuotaBytes == nil)
        #expect(demo.servicePackages.first { $0.name == "Prepaid-Basic-1G" }?.price == 9.9)
    }

    @Test("has 50 SIMs in ICCID order, in every status as the README counts them")
    func sims() {
        let sims = seed.demoEnterprise.sims
        #expect(sims.count == 50)
        #expect(sims.map(\.iccid) == sims.map(\.iccid).sorted())
        let counts = Dictionary(grouping: sims, by: \.status).mapValues(\.count)
        #expect(counts == [.activated: 30, .deactivated: 5, .inventory: 5, .activationReady: 4, .testReady: 3, .retired: 3])
        for status in SIMStatus.allCases {
            #expect(counts[status, default: 0] >= 2, "status \(status)")
        }
        #expect(sims.allSatisfy { $0.msisdn.hasPrefix("447700900") })
        let perAccount = Dictionary(grouping: sims, by: \.accountName).mapValues(\.count)
        #expect(perAccount == ["Fleet Prepaid": 24, "Metering Postpaid": 24, "试用账户": 2])
    }

    @Test("puts SIMs on the pool package into the pool, and fills in the defaults")
    func simDefaults() {
        for sim in seed.demoEnterprise.sims {
            let expectedPool = sim.basicServicePackageName == "Postpaid-Pool-Basic" ? "Metering-Pool-10G" : nil
            #expect(sim.sharePoolName == expectedPool, "\(sim.iccid)")
            #expect(sim.apnName == "iot.smarthub")
        }
        #expect(seed.demoEnterprise.sims.contains { $0.apnStatus == .disabled })
    }

    @Test("gives every SIM that was activated an activation time, in order with its other times")
    func simTimes() {
        for sim in seed.demoEnterprise.sims {
            if sim.status == .activated || sim.status == .deactivated {
                #expect(sim.activatedTime != nil, "\(sim.iccid)")
            }
            if let activated = sim.activatedTime {
                #expect(sim.createdTime <= activated, "\(sim.iccid)")
                #expect(activated <= sim.lastStatusChangeTime, "\(sim.iccid)")
            }
            #expect(sim.createdTime <= sim.lastStatusChangeTime, "\(sim.iccid)")
            #expect(sim.createdTime >= seed.demoEnterprise.enterprise.createdTime, "\(sim.iccid)")
        }
    }
}
