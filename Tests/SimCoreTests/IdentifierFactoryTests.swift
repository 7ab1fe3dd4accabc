import Testing

@testable import SimCore

@Suite("IdentifierFactory: generated ids")
struct IdentifierFactoryTests {
    static func factory(seed: UInt64 = 1, scope: String = "Acme IoT") -> IdentifierFactory {
        IdentifierFactory(random: DeterministicRandom(seed: seed, scope: scope))
    }

    @Test("generated SIM identities are valid, unique and increasing")
    func simIdentities() {
        // Given a fresh factory
        var factory = Self.factory()
        // When 2000 identities are made
        let identities = (0..<2_000).map { _ in factory.nextSIMIdentity { _, _, _ in false } }
        // Then each passes the identifier rules
        for identity in identities {
            #expect(SIMIdentifierRules.problem(withICCID: identity.iccid) == nil, "\(identity.iccid)")
            #expect(SIMIdentifierRules.problem(withIMSI: identity.imsi) == nil, "\(identity.imsi)")
            #expect(SIMIdentifierRules.problem(withMSISDN: identity.msisdn) == nil, "\(identity.msisdn)")
            #expect(identity.iccid.hasPrefix("894499"))
        }
        // And none repeats, and ICCIDs come in increasing order (so new SIMs append to the giccid order)
        #expect(Set(identities.map(\.iccid)).count == identities.count)
        #expect(Set(identities.map(\.imsi)).count == identities.count)
        #expect(Set(identities.map(\.msisdn)).count == identities.count)
        #expect(identities.map(\.iccid) == identities.map(\.iccid).sorted())
        #expect(identities.first?.iccid == "8944990000000000011")
    }

    @Test("taken identities are skipped")
    func skipsTaken() {
        // Given a factory and a check that says the first two serials are taken
        var factory = Self.factory()
        var first = Self.factory()
        let taken = [first.nextSIMIdentity { _, _, _ in false }.iccid, first.nextSIMIdentity { _, _, _ in false }.iccid]
        // When an identity is asked for
        let identity = factory.nextSIMIdentity { iccid, _, _ in taken.contains(iccid) }
        // Then it is the third one
        #expect(identity.iccid == first.nextSIMIdentity { _, _, _ in false }.iccid)
        #expect(!taken.contains(identity.iccid))
    }

    @Test("IMEIs are 15 digits with a valid Luhn digit")
    func imeis() {
        // Given a factory, when IMEIs are made, then every one passes the IMEI rule
        var factory = Self.factory()
        let imeis = (0..<500).map { _ in factory.nextIMEI() }
        #expect(imeis.allSatisfy { SIMIdentifierRules.problem(withIMEI: $0) == nil })
        #expect(Set(imeis).count > 490)
    }

    @Test("hex ids are 32 lowercase hex digits; API keys satisfy the key rule")
    func hexIdsAndKeys() {
        // Given a factory, when ids and keys are made
        var factory = Self.factory()
        let ids = (0..<200).map { _ in factory.nextHexId() }
        let key = factory.nextAPIKey()
        // Then each has the documented form
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(ids).count == ids.count)
        #expect(key.hasPrefix("key-"))
        #expect(EnterpriseRules.problem(withAPIKey: key) == nil)
    }

    @Test("the same seed and scope give the same ids; another scope or seed gives others")
    func determinism() {
        // Given two factories from the same seed and scope, and two that differ
        var first = Self.factory(seed: 5, scope: "Acme IoT")
        var second = Self.factory(seed: 5, scope: "Acme IoT")
        var otherScope = Self.factory(seed: 5, scope: "Other IoT")
        var otherSeed = Self.factory(seed: 6, scope: "Acme IoT")
        // When each makes the same calls
        let a = (first.nextHexId(), first.nextIMEI(), first.nextAPIKey())
        let b = (second.nextHexId(), second.nextIMEI(), second.nextAPIKey())
        // Then the twins agree and the others do not
        #expect(a == b)
        #expect(otherScope.nextHexId() != a.0)
        #expect(otherSeed.nextHexId() != a.0)
    }

    @Test("DeterministicRandom is SplitMix64 and StableHash is FNV-1a, the same on every machine")
    func stableGenerators() {
        // Given the published SplitMix64 outputs for seed 0 and the FNV-1a test vectors
        var random = DeterministicRandom(seed: 0)
        // Then the generator and the hash give exactly those values
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
