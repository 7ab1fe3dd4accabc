import Foundation
import Testing

@testable import SimHTTP

/// `/v1/`, `/v1/enterprise`, `/v1/account/{name}`, `/v1/{accountName}/servicePackages`, the specs.
@Suite struct EnterpriseEndpointTests {
    @Test func rootListsTheEndpointGroupsAsLinks() async throws {
        try await TestServer.run { server in
            // The test client asks for host "localhost"; links are absolute on the host the client used
            let reply = try await server.send(.get, "/v1/")
            #expect(reply.status == .ok)
            #expect(reply.json["global_sims_url"] as? String == "http://localhost/v1/global-sims")
            #expect(reply.json["batch_jobs_url"] as? String == "http://localhost/v1/batchJobs/{jobId}")
            #expect(reply.json.count == RootController.links.count)
        }
    }

    @Test func enterpriseNamesItsAccounts() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/enterprise")
            #expect(reply.json["name"] as? String == "Demo IoT Ltd")
            #expect(reply.json["status"] as? String == "ENABLED")
            #expect(reply.json["accounts"] as? [String] == ["Fleet Prepaid", "Metering Postpaid", "Asset Trackers", "试用账户"])
        }
    }

    @Test func accountHasTheDocumentedShape() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/account/Fleet%20Prepaid")
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == ["name", "chargeType", "status", "prepaidRenewType", "currentCycleName", "servicePackages", "simSkus"])
            #expect(reply.json["chargeType"] as? String == "PREPAID")
            #expect(reply.json["prepaidRenewType"] as? String == "DISABLE_CARD")
            #expect(reply.json["currentCycleName"] as? String == "2025-03")
            let postpaid = try await server.send(.get, "/v1/account/Metering%20Postpaid")
            #expect(postpaid.json["chargeType"] as? String == "CHARGE")
            #expect(postpaid.json["prepaidRenewType"] is NSNull)
        }
    }

    @Test func nonASCIIAccountNamesArePercentDecoded() async throws {
        try await TestServer.run { server in
            let encoded = "试用账户".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            let reply = try await server.send(.get, "/v1/account/\(encoded)")
            #expect(reply.status == .ok)
            #expect(reply.json["chargeType"] as? String == "EXPERIENCE")
            let plans = try await server.send(.get, "/v1/\(encoded)/servicePackages")
            #expect(plans.json["total"] as? Int == 1)
        }
    }

    @Test func servicePackagesArePaged() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/Metering%20Postpaid/servicePackages?size=2")
            #expect(reply.json["total"] as? Int == 3)
            #expect(reply.items("servicePackages").count == 2)
            let pool = try await server.send(.get, "/v1/Metering%20Postpaid/servicePackages?page=0&size=10").items("servicePackages")
                .first { $0["name"] as? String == "Postpaid-Pool-Basic" }
            #expect(pool?["sharePoolName"] as? String == "Metering-Pool-10G")
            #expect(pool?["type"] as? String == "BASIC")
        }
    }

    @Test func unknownAccountIs404() async throws {
        try await TestServer.run { server in
            let account = try await server.send(.get, "/v1/account/Nobody")
            #expect(account.status == .notFound)
            #expect(account.errors.first?["resource"] as? String == "Account")
            #expect(account.errors.first?["field"] as? String == "name")
            let plans = try await server.send(.get, "/v1/Nobody/servicePackages")
            #expect(plans.status == .notFound)
            #expect(plans.errors.first?["field"] as? String == "accountName")
        }
    }

    @Test func contractsAreServedWithoutAKey() async throws {
        try await TestServer.run { server in
            let smarthub = try await server.send(.get, "/v1/openapi.yaml", key: nil)
            #expect(smarthub.status == .ok)
            #expect(smarthub.text.hasPrefix("openapi: 3.1") || smarthub.text.contains("\nopenapi: 3.1"))
            let control = try await server.send(.get, "/_sim/openapi.yaml", key: nil)
            #expect(control.status == .ok)
            #expect(control.text.contains("/_sim/clock/advance"))
        }
    }
}
