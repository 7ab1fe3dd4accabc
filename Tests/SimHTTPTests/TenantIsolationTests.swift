import Foundation
import Testing

@testable import SimHTTP

/// Enterprises created for parallel tests see only their own objects.
@Suite struct TenantIsolationTests {
    @Test func aNewTenantHasItsOwnCopyOfTheDemoWorld() async throws {
        try await TestServer.run { server in
            // Given a tenant copied from the demo enterprise
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A", "apiKey": "team-a-key-0123456789"}"#)
            #expect(created.status == .created)
            #expect(created.json as NSDictionary == ["name": "Team A", "apiKey": "team-a-key-0123456789"] as NSDictionary)
            let teamKey = "team-a-key-0123456789"
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            // When the tenant suspends its copy of a SIM
            let suspended = try await server.send(.post, "/v1/global-sims/\(giccid)/suspend", key: teamKey)
            #expect(suspended.json["status"] as? String == "DEACTIVATED")
            // Then the demo enterprise's SIM is untouched, and each sees only its own change log
            let demoSIM = try await server.send(.get, "/v1/global-sims/\(giccid)")
            #expect(demoSIM.json["status"] as? String == "ACTIVATED")
            #expect(try await server.send(.get, "/v1/global-sims/changeLogs").json["total"] as? Int == 0)
            #expect(try await server.send(.get, "/v1/global-sims/changeLogs", key: teamKey).json["total"] as? Int == 1)
            let enterprise = try await server.send(.get, "/v1/enterprise", key: teamKey)
            #expect(enterprise.json["name"] as? String == "Team A")
        }
    }

    @Test func anotherEnterprisesSIMIsExactlyLikeAnAbsentOne() async throws {
        try await TestServer.run { server in
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team B", "seed": "empty"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            #expect(try await server.send(.get, "/v1/global-sims", key: teamKey).json["total"] as? Int == 0)
            // Given a SIM that only the new tenant has
            let made = try await server.send(
                .post, "/_sim/sims", key: nil,
                json: #"{"enterpriseName": "Team B", "accountName": "Fleet Prepaid", "sims": [{"iccid": "8944990000000000011"}]}"#)
            #expect(made.status == .created)
            // Then the demo key gets the same 404 as for a SIM that does not exist
            let foreign = try await server.send(.get, "/v1/global-sims/8944990000000000011")
            let absent = try await server.send(.get, "/v1/global-sims/8944990000000000029")
            #expect(foreign.status == .notFound)
            #expect(foreign.text == absent.text)
            for action in ["activate", "deactivate", "retire"] {
                let reply = try await server.send(.post, "/v1/global-sims/8944990000000000011/\(action)")
                #expect(reply.status == .notFound)
            }
            #expect(try await server.send(.get, "/v1/global-sims/8944990000000000011", key: teamKey).status == .ok)
            // And the control API can address the tenant by its key too
            let byKey = try await server.send(.post, "/_sim/sims", key: teamKey, json: #"{"accountName": "Fleet Prepaid"}"#)
            #expect(byKey.status == .created)
            #expect(try await server.send(.get, "/v1/global-sims", key: teamKey).json["total"] as? Int == 2)
        }
    }

    @Test func tenantNamesAndKeysAreUniqueAndDeletionRevokesTheKey() async throws {
        try await TestServer.run { server in
            let first = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team C"}"#)
            let key = try #require(first.json["apiKey"] as? String)
            let sameName = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team C"}"#)
            #expect(sameName.status == .unprocessableContent)
            #expect(sameName.errors.first?["code"] as? String == "already_exists")
            let sameKey = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team D", "apiKey": "\#(demoKey)"}"#)
            #expect(sameKey.errors.first?["field"] as? String == "apiKey")
            let deleted = try await server.send(.delete, "/_sim/enterprises/Team%20C", key: nil)
            #expect(deleted.status == .noContent)
            #expect(try await server.send(.get, "/v1/enterprise", key: key).status == .unauthorized)
            #expect(try await server.send(.delete, "/_sim/enterprises/Team%20C", key: nil).status == .notFound)
            let unknownTenant = try await server.send(.post, "/_sim/sims", key: nil, json: #"{"enterpriseName": "Nobody", "accountName": "x"}"#)
            #expect(unknownTenant.status == .notFound)
        }
    }
}
