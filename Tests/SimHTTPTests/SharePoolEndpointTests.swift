import Foundation
import Testing

@testable import SimHTTP

/// `GET /v1/sharePools` and `GET /v1/sharePools/{poolName}`.
@Suite struct SharePoolEndpointTests {
    static let poolKeys: Set<String> = ["name", "accountName", "quotaBytes", "usedBytes", "memberCount", "statusCounts"]
    static let statuses: Set<String> = ["TEST_READY", "INVENTORY", "ACTIVATION_READY", "ACTIVATED", "DEACTIVATED", "RETIRED"]

    @Test func aPoolShowsItsMembersPerStatusAndTheirUse() async throws {
        try await TestServer.run { server in
            // Given the SIMs on the pool's plan (the seed's pool members)
            let members = try await server.send(.get, "/v1/global-sims?servicePackageName=Postpaid-Pool-Basic&size=1000").items("sims")
            #expect(!members.isEmpty)
            // When the pool is read
            let reply = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G")
            // Then it has the documented shape, every status counted, and the members' use added up
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == Self.poolKeys)
            #expect(reply.json["name"] as? String == "Metering-Pool-10G")
            #expect(reply.json["accountName"] as? String == "Metering Postpaid")
            #expect(reply.json["quotaBytes"] as? Int == 10_737_418_240)
            #expect(reply.json["memberCount"] as? Int == members.count)
            #expect(reply.json["usedBytes"] as? Int == members.compactMap { $0["cycleDataUsageBytes"] as? Int }.reduce(0, +))
            let counts = try #require(reply.json["statusCounts"] as? [String: Int])
            #expect(Set(counts.keys) == Self.statuses)
            for status in Self.statuses {
                #expect(counts[status] == members.filter { $0["status"] as? String == status }.count)
            }
        }
    }

    @Test func aSIMMovedOntoThePoolIsCounted() async throws {
        try await TestServer.run { server in
            let before = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G").json["memberCount"] as? Int
            let list = try await server.send(.get, "/v1/global-sims?servicePackageName=Postpaid-Basic-100M&size=1")
            let giccid = try #require(list.items("sims").first?["giccid"] as? String)
            try await server.send(.put, "/v1/global-sims/\(giccid)/basicServicePackage", json: #"{"servicePackageName": "Postpaid-Pool-Basic"}"#)
            let after = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G").json["memberCount"] as? Int
            #expect(after == before.map { $0 + 1 })
        }
    }

    @Test func poolsAreListedPagedInNameOrder() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/sharePools")
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == ["sharePools", "page", "size", "total"])
            #expect(reply.items("sharePools").compactMap { $0["name"] as? String } == ["Metering-Pool-10G"])
            #expect(reply.items("sharePools").first.map { Set($0.keys) } == Self.poolKeys)
            #expect(reply.json["total"] as? Int == 1 && reply.json["size"] as? Int == 10 && reply.json["page"] as? Int == 0)
            let past = try await server.send(.get, "/v1/sharePools?page=1&size=1")
            #expect(past.items("sharePools").isEmpty && past.json["total"] as? Int == 1)
            for query in ["size=0", "size=1001", "page=-1", "page=x"] {
                let bad = try await server.send(.get, "/v1/sharePools?\(query)")
                #expect(bad.status == .unprocessableContent)
                #expect(bad.errors.first?["resource"] as? String == "query")
            }
        }
    }

    @Test func anUnknownPoolIs404() async throws {
        try await TestServer.run { server in
            for name in ["No-Such-Pool", "%E8%AF%95%E7%94%A8"] {
                let reply = try await server.send(.get, "/v1/sharePools/\(name)")
                #expect(reply.status == .notFound)
                #expect(reply.json["title"] as? String == "Not Found")
                #expect(reply.errors.first as NSDictionary? == ["resource": "SharePool", "field": "poolName", "code": "missing"] as NSDictionary)
            }
        }
    }

    @Test func poolsNeedAnAPIKey() async throws {
        try await TestServer.run { server in
            let missing = try await server.send(.get, "/v1/sharePools", key: nil)
            #expect(missing.status == .unauthorized)
            let wrong = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G", key: "wrong-key")
            #expect(wrong.status == .unauthorized)
        }
    }

    @Test func anotherEnterpriseSeesOnlyItsOwnMembers() async throws {
        try await TestServer.run { server in
            // Given a tenant with the demo catalog and no SIMs
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team P", "seed": "empty"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            // Then its pool has no members, while the demo enterprise's has
            let own = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G", key: teamKey)
            #expect(own.json["memberCount"] as? Int == 0)
            #expect(own.json["usedBytes"] as? Int == 0)
            #expect((own.json["statusCounts"] as? [String: Int])?.values.allSatisfy { $0 == 0 } == true)
            #expect((try await server.send(.get, "/v1/sharePools/Metering-Pool-10G").json["memberCount"] as? Int ?? 0) > 0)
        }
    }
}
