import Testing

@testable import SimHTTP

/// Which `Host` values a server answers, from where it listens and `--allowed-hosts`.
@Suite struct HostAllowListTests {
    @Test(
        arguments: [
            ("localhost", "localhost", nil), ("LocalHost:8080", "localhost", 8080), ("127.0.0.1:80", "127.0.0.1", 80),
            ("[::1]:8080", "::1", 8080), ("[::1]", "::1", nil), ("sim.test.", "sim.test", nil),
        ] as [(String, String, Int?)])
    func hostValuesAreParsed(text: String, host: String, port: Int?) {
        #expect(HostAuthority(parsing: text) == HostAuthority(host: host, port: port))
    }

    @Test(arguments: ["", ":8080", "evil:", "a:b:c", "[::1", "[::1]x", "[::1]:", "host:65536", "host:-1", "ho st", "a@b", "[zz]"])
    func malformedHostValuesAreNotParsed(text: String) {
        #expect(HostAuthority(parsing: text) == nil)
    }

    @Test func originsGetTheirSchemesDefaultPort() {
        #expect(HostAuthority(origin: "http://LOCALHOST") == HostAuthority(host: "localhost", port: 80))
        #expect(HostAuthority(origin: "https://sim.test") == HostAuthority(host: "sim.test", port: 443))
        #expect(HostAuthority(origin: "http://[::1]:9") == HostAuthority(host: "::1", port: 9))
        #expect(HostAuthority(origin: "null") == nil)
        #expect(HostAuthority(origin: "file://x") == nil)
        #expect(HostAuthority(origin: "http://a/b") == nil)
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("localhost", true), ("::1", true), ("0:0:0:0:0:0:0:1", true), ("[::1]", true),
        ("0.0.0.0", false), ("::", false), ("192.168.1.20", false), ("128.0.0.1", false), ("sim.test", false),
    ])
    func loopbackAddressesAreRecognised(address: String, isLoopback: Bool) {
        #expect(ListeningAddress(address).isLoopback == isLoopback)
    }

    @Test func onLoopbackOnlyThisMachinesNamesAndTheBoundAddressAreAnswered() {
        let list = HostAllowList(listeningOn: ListeningAddress("127.0.0.2"), allowedHosts: nil)
        for host in ["localhost:8080", "127.0.0.1", "[::1]:8080", "127.0.0.2:1", "LOCALHOST."] {
            #expect(list.allows(hostHeader: host), "\(host)")
        }
        for host in ["evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.evil.example", "", "[::1"] {
            #expect(!list.allows(hostHeader: host), "\(host)")
        }
        #expect(!list.allows(hostHeader: nil))
    }

    @Test func allowedHostsAddNamesAndDomains() {
        let list = HostAllowList(listeningOn: ListeningAddress("127.0.0.1"), allowedHosts: ["Sim.Test", ".corp.example", "[fd00::1]"])
        for host in ["sim.test:8080", "corp.example", "a.b.corp.example:1", "[fd00::1]:80", "localhost"] {
            #expect(list.allows(hostHeader: host), "\(host)")
        }
        for host in ["other.test", "evilcorp.example", "sim.test.evil"] {
            #expect(!list.allows(hostHeader: host), "\(host)")
        }
    }

    @Test func beyondLoopbackEveryHostIsAnsweredUnlessNarrowed() {
        #expect(HostAllowList(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: nil).allows(hostHeader: "evil.example"))
        let narrowed = HostAllowList(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: ["sim.test"])
        #expect(!narrowed.allows(hostHeader: "evil.example"))
        #expect(narrowed.allows(hostHeader: "sim.test:8080"))
        #expect(narrowed.allows(hostHeader: "127.0.0.1:8080"), "the container's own health check")
        #expect(HostAllowList(listeningOn: ListeningAddress("127.0.0.1"), allowedHosts: ["*"]).allows(hostHeader: "evil.example"))
    }

    @Test(arguments: ["*", "sim.test", ".corp.example", "10.0.0.5", "[fd00::1]"])
    func validAllowedHostsPass(entry: String) {
        #expect(HostAllowList.problem(withAllowedHost: entry) == nil)
    }

    @Test(arguments: ["", "sim.test:8080", "::1", "..x", "a b", "http://sim.test", "*.x", String(repeating: "a", count: 254)])
    func invalidAllowedHostsAreRefused(entry: String) {
        #expect(HostAllowList.problem(withAllowedHost: entry) != nil)
    }

    @Test func theAccessPolicyFollowsTheListeningAddress() {
        let loopback = WebAccessPolicy(listeningOn: ListeningAddress("127.0.0.1"), allowedHosts: nil, hasAdminToken: false)
        #expect(loopback.tenantKeys == .deterministic)
        #expect(loopback.exposureWarning == nil)
        let open = WebAccessPolicy(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: nil, hasAdminToken: false)
        #expect(open.tenantKeys == .random)
        #expect(open.exposureWarning?.contains("0.0.0.0 without an admin token") == true)
        let guarded = WebAccessPolicy(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: nil, hasAdminToken: true)
        #expect(guarded.tenantKeys == .random)
        #expect(guarded.exposureWarning == nil)
    }

    @Test func randomTenantKeysAreValidAndDiffer() throws {
        let first = try #require(TenantKeyPolicy.random.newKey())
        let second = try #require(TenantKeyPolicy.random.newKey())
        #expect(first != second)
        #expect(first.count == 36 && first.hasPrefix("key-"))
        #expect(TenantKeyPolicy.deterministic.newKey() == nil)
    }
}
