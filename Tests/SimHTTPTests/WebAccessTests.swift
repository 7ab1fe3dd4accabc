import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SimCore
import SimResources
import SimSeed
import Synchronization
import Testing

@testable import SimHTTP

/// The router's defences against web pages and network neighbours: the `Host` allow-list, the
/// refusal of cross-site control calls, random tenant keys and the exposure warning.
///
/// The router test client always sends `Host: localhost`; a list without `localhost` stands in for
/// a request from another name.
@Suite struct WebAccessTests {
    /// A list that does not answer `localhost`, the test client's host.
    static let elsewhere = WebAccessPolicy(hosts: HostAllowList(names: ["sim.test"]), tenantKeys: .deterministic, exposureWarning: nil)

    @Test func aRequestForAnotherHostIsRefusedOnEveryPathAndNothingIsRecorded() async throws {
        try await TestServer.run(access: Self.elsewhere) { server in
            for (method, path) in [
                (HTTPRequest.Method.get, "/_sim/state"), (.get, "/_sim/enterprises"), (.get, "/v1/enterprise"), (.get, "/_sim/ui"),
            ] {
                let reply = try await server.send(method, path)
                #expect(reply.status == .forbidden, "\(path)")
                #expect(reply.headers[.contentType] == "application/problem+json")
                #expect(reply.json["title"] as? String == "Host not allowed")
                #expect(!reply.text.contains(demoKey))
            }
            let advance = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1d"}"#)
            #expect(advance.status == .forbidden)
            #expect(server.simulator.clockReading().now.smarthubString == "2025-03-15T08:00:00+0000")
            #expect(server.journal.entries().isEmpty)
        }
    }

    @Test func aSecondHostHeaderIsRefused() async throws {
        try await TestServer.run(
            access: WebAccessPolicy(hosts: HostAllowList(names: ["localhost"]), tenantKeys: .deterministic, exposureWarning: nil)
        ) {
            server in
            #expect(try await server.send(.get, "/_sim/health").status == .ok)
            let twice = try await server.send(.get, "/_sim/health", headers: [.extraHost: "evil.example"])
            #expect(twice.status == .forbidden)
        }
    }

    @Test func aCrossSiteTextPlainResetIsRefusedAndChangesNothing() async throws {
        try await TestServer.run { server in
            // Given a world whose clock has moved
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1d"}"#)
            // When another site's page posts a reset, as a "simple" request
            let reply = try await server.send(
                .post, "/_sim/reset", key: nil, json: "", headers: [.contentType: "text/plain", .origin: "http://evil.example"])
            // Then it is refused, and the clock has not gone back
            #expect(reply.status == .forbidden)
            #expect(reply.json["title"] as? String == "Cross-site request refused")
            #expect(server.simulator.clockReading().now.smarthubString == "2025-03-16T08:00:00+0000")
        }
    }

    @Test(arguments: [
        [HTTPField.Name.origin: "http://evil.example"], [.origin: "null"], [.origin: "http://localhost:8080"], [.origin: "https://localhost"],
        [.origin: "http://localhost.evil.example"], [.secFetchSite: "cross-site"], [.secFetchSite: "Cross-Site", .origin: "http://localhost"],
    ])
    func controlCallsFromAnotherSiteAreRefused(headers: [HTTPField.Name: String]) async throws {
        try await TestServer.run { server in
            var fields = HTTPFields()
            for (name, value) in headers { fields[name] = value }
            let reply = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "from-elsewhere"}"#, headers: fields)
            #expect(reply.status == .forbidden)
            #expect(!server.simulator.hasEnterprise(named: "from-elsewhere"))
        }
    }

    @Test(arguments: [
        [HTTPField.Name.origin: "http://localhost"], [.origin: "http://LOCALHOST:80"], [.secFetchSite: "same-origin", .origin: "http://localhost"],
        [.secFetchSite: "none"], [:],
    ])
    func controlCallsFromTheServersOwnPagesAndFromToolsPass(headers: [HTTPField.Name: String]) async throws {
        try await TestServer.run { server in
            var fields = HTTPFields()
            for (name, value) in headers { fields[name] = value }
            let reply = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "same-site"}"#, headers: fields)
            #expect(reply.status == .created)
        }
    }

    @Test(arguments: ["//_sim/reset", "/v1/global-sims/8944102015031128875/deactivate"])
    func writesFromAnotherSiteAreRefusedOnEveryPathSpelling(path: String) async throws {
        try await TestServer.run { server in
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1d"}"#)
            let reply = try await server.send(.post, path, json: "{}", headers: [.origin: "http://evil.example"])
            #expect(reply.status == .forbidden)
            #expect(server.simulator.clockReading().now.smarthubString == "2025-03-16T08:00:00+0000")
            let sim = try await server.send(.get, "/v1/global-sims/8944102015031128875")
            #expect(sim.json["status"] as? String == "ACTIVATED")
        }
    }

    @Test func readsAndThePublicAPIIgnoreTheOrigin() async throws {
        try await TestServer.run { server in
            let health = try await server.send(.get, "/_sim/health", key: nil, headers: [.origin: "http://evil.example"])
            #expect(health.status == .ok)
            // The public API needs X-API-Key, a header no page can send to another site without the browser asking first.
            let enterprise = try await server.send(.get, "/v1/enterprise", headers: [.origin: "http://evil.example"])
            #expect(enterprise.status == .ok)
        }
    }

    @Test func tenantKeysAreDerivedOnLoopbackAndRandomBeyond() async throws {
        func tenantKey(_ policy: TenantKeyPolicy) async throws -> String {
            let key = Mutex("")
            try await TestServer.run(access: WebAccessPolicy(hosts: .everyHost, tenantKeys: policy, exposureWarning: nil)) { server in
                let reply = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "tenant-b"}"#)
                #expect(reply.status == .created)
                key.withLock { $0 = reply.json["apiKey"] as? String ?? "" }
            }
            return key.withLock { $0 }
        }
        #expect(try await tenantKey(.deterministic) == tenantKey(.deterministic))
        let random = try await tenantKey(.random)
        #expect(random != (try await tenantKey(.random)))
        #expect(random != (try await tenantKey(.deterministic)))
        #expect(EnterpriseRules.problem(withAPIKey: random) == nil)
    }

    @Test func healthCarriesTheExposureWarning() async throws {
        let open = WebAccessPolicy(listeningOn: ListeningAddress("0.0.0.0"), allowedHosts: nil, hasAdminToken: false)
        try await TestServer.run(access: open) { server in
            let warnings = try await server.send(.get, "/_sim/health", key: nil).json["warnings"] as? [String]
            #expect(warnings?.count == 1)
            #expect(warnings?.first?.contains("without an admin token") == true)
        }
        try await TestServer.run { server in
            let health = try await server.send(.get, "/_sim/health", key: nil)
            #expect(health.json["warnings"] as? [String] == [])
        }
    }
}

extension TestServer {
    /// Runs `body` against a fresh server on the embedded default seed whose router has `access`.
    static func run(access: WebAccessPolicy, _ body: @escaping @Sendable (TestServer) async throws -> Void) async throws {
        let seed = try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "default.yaml")
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        let journal = RequestJournal()
        let app = Application(router: buildRouter(simulator: simulator, adminToken: nil, journal: journal, access: access))
        try await app.test(.router) { client in
            try await body(TestServer(simulator: simulator, client: client, journal: journal))
        }
    }
}
