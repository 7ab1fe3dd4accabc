import Foundation
import Testing

@testable import SimHTTP

/// `POST /_sim/sims/{giccid}/sessions` and `GET /v1/global-sims/statistics/countries`.
@Suite struct UsageEndpointTests {
    @Test func aSessionIsCountedAndShownInTheSIMAndTheCountryStatistics() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATION_READY")
            let reply = try await server.send(
                .post, "/_sim/sims/\(giccid)/sessions", key: nil, json: #"{"mcc": "460", "mnc": "01", "imei": "356938035643809", "bytes": 2048}"#)
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == SIMEndpointTests.simKeys)
            #expect(reply.json["status"] as? String == "ACTIVATED")
            #expect(reply.json["cycleDataUsageBytes"] as? Int == 2048)
            #expect(reply.json["lastCountryCode"] as? String == "CN")
            #expect(reply.json["lastSessionTime"] as? String == "2025-03-15T08:00:00+0000")
            let stats = try await server.send(.get, "/v1/global-sims/statistics/countries")
            #expect(stats.status == .ok)
            #expect(stats.json["cycleName"] as? String == "2025-03")
            #expect(stats.json["total"] as? Int == 1)
            let china = try #require(stats.items("countries").first)
            #expect(china as NSDictionary == ["countryCode": "CN", "mccs": ["460"], "dataBytes": 2048, "smsCount": 0, "simCount": 1] as NSDictionary)
            let other = try await server.send(.get, "/v1/global-sims/statistics/countries?cycleName=2025-02")
            #expect(other.json["total"] as? Int == 0)
        }
    }

    @Test func badSessionsAndCyclesAreRefused() async throws {
        try await TestServer.run { server in
            let retired = try await server.sim(inStatus: "RETIRED")
            let refused = try await server.send(.post, "/_sim/sims/\(retired)/sessions", key: nil, json: #"{"mcc": "234", "bytes": 1}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errors.first?["code"] as? String == "illegal_status")
            let active = try await server.sim(inStatus: "ACTIVATED")
            let bad = try await server.send(.post, "/_sim/sims/\(active)/sessions", key: nil, json: #"{"mcc": "999", "bytes": 1}"#)
            #expect(bad.errors.first?["field"] as? String == "mcc")
            let missing = try await server.send(.post, "/_sim/sims/\(active)/sessions", key: nil, json: #"{"mcc": "234"}"#)
            #expect(missing.errors.first?["code"] as? String == "missing_field")
            let wrongType = try await server.send(.post, "/_sim/sims/\(active)/sessions", key: nil, json: #"{"mcc": 234, "bytes": 1}"#)
            #expect(wrongType.status == .badRequest)
            let unknownSIM = try await server.send(.post, "/_sim/sims/8944000000000000001/sessions", key: nil, json: #"{"mcc": "234", "bytes": 1}"#)
            #expect(unknownSIM.status == .notFound)
            for cycle in ["2025-13", "2025-3", "march"] {
                let reply = try await server.send(.get, "/v1/global-sims/statistics/countries?cycleName=\(cycle)")
                #expect(reply.status == .unprocessableContent, "\(cycle)")
            }
        }
    }

    @Test func statisticsAreThoseOfTheCallersEnterprise() async throws {
        try await TestServer.run { server in
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team", "seed": "default"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/_sim/sims/\(giccid)/sessions", key: teamKey, json: #"{"mcc": "234", "bytes": 5}"#)
            #expect(try await server.send(.get, "/v1/global-sims/statistics/countries", key: teamKey).json["total"] as? Int == 1)
            #expect(try await server.send(.get, "/v1/global-sims/statistics/countries").json["total"] as? Int == 0)
        }
    }
}
