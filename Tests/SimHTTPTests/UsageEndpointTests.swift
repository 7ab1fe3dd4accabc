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

/// `GET|POST /_sim/traffic` and the usage settings of `PUT /_sim/settings`.
@Suite struct TrafficAndUsageSettingsEndpointTests {
    @Test func trafficIsOffByDefaultAndTurnsOnForTheNamedEnterpriseOnly() async throws {
        try await TestServer.run { server in
            let initial = try await server.send(.get, "/_sim/traffic", key: nil)
            #expect(initial.json as NSDictionary == ["enabled": false, "bytesPerDay": 5_242_880, "until": NSNull()] as NSDictionary)
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            let on = try await server.send(.post, "/_sim/traffic", key: teamKey, json: #"{"enabled": true, "bytesPerDay": 48000}"#)
            #expect(on.status == .ok)
            #expect(on.json as NSDictionary == ["enabled": true, "bytesPerDay": 48_000, "until": "2026-03-16T08:00:00+0000"] as NSDictionary)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1h"}"#)
            // The team's ACTIVATED SIMs had a session; the demo enterprise's did not
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let teamSIM = try await server.send(.get, "/v1/global-sims/\(giccid)", key: teamKey)
            #expect(teamSIM.json["lastSessionTime"] as? String == "2025-03-15T09:00:00+0000")
            #expect((teamSIM.json["cycleDataUsageBytes"] as? Int).map { (1_000...3_000).contains($0) } == true)
            #expect(try await server.send(.get, "/v1/global-sims/\(giccid)").json["lastSessionTime"] is NSNull)
            // Turning it off keeps the daily figure
            let off = try await server.send(.post, "/_sim/traffic", key: teamKey, json: #"{"enabled": false}"#)
            #expect(off.json as NSDictionary == ["enabled": false, "bytesPerDay": 48_000, "until": NSNull()] as NSDictionary)
        }
    }

    @Test func badTrafficSettingsAreRefused() async throws {
        try await TestServer.run { server in
            let missing = try await server.send(.post, "/_sim/traffic", key: nil, json: #"{"bytesPerDay": 1}"#)
            #expect(missing.status == .unprocessableContent && missing.errors.first?["code"] as? String == "missing_field")
            let negative = try await server.send(.post, "/_sim/traffic", key: nil, json: #"{"enabled": true, "bytesPerDay": -1}"#)
            #expect(negative.status == .unprocessableContent && negative.errors.first?["field"] as? String == "bytesPerDay")
            let wrongType = try await server.send(.post, "/_sim/traffic", key: nil, json: #"{"enabled": "yes"}"#)
            #expect(wrongType.status == .badRequest)
            let unknown = try await server.send(.post, "/_sim/traffic", key: nil, json: #"{"enabled": true, "rate": 1}"#)
            #expect(unknown.errors.first?["field"] as? String == "rate")
            #expect(try await server.send(.get, "/_sim/traffic", key: nil).json["enabled"] as? Bool == false)
        }
    }

    @Test func everyUsageSettingCanBeChanged() async throws {
        try await TestServer.run { server in
            let initial = try await server.send(.get, "/_sim/settings", key: nil)
            #expect(initial.json["prepaidExpiryWarning"] as? Double == 259_200)
            let changed = try await server.send(
                .put, "/_sim/settings", key: nil,
                json: #"""
                    {"cycleUsageThresholdPercents": [90], "prepaidTrafficThresholdPercents": [50, 100], "noSessionAlert": "1d",
                     "testQuotaBytes": 1024, "prepaidExpiryWarning": "12h"}
                    """#)
            #expect(changed.status == .ok)
            #expect(changed.json["cycleUsageThresholdPercents"] as? [Int] == [90])
            #expect(changed.json["prepaidTrafficThresholdPercents"] as? [Int] == [50, 100])
            #expect(changed.json["noSessionAlert"] as? Double == 86_400)
            #expect(changed.json["testQuotaBytes"] as? Int == 1024)
            #expect(changed.json["prepaidExpiryWarning"] as? Double == 43_200)
            let bad = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"prepaidExpiryWarning": "soon"}"#)
            #expect(bad.status == .unprocessableContent && bad.errors.first?["field"] as? String == "prepaidExpiryWarning")
            #expect(try await server.send(.get, "/_sim/settings", key: nil).json["prepaidExpiryWarning"] as? Double == 43_200)
        }
    }

    @Test func theSignatureTimeIsSimulatedUnlessSetToWall() async throws {
        try await TestServer.run { server in
            #expect(try await server.send(.get, "/_sim/settings", key: nil).json["signatureTime"] as? String == "simulated")
            let wall = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"signatureTime": "wall"}"#)
            #expect(wall.status == .ok && wall.json["signatureTime"] as? String == "wall")
            let bad = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"signatureTime": "local"}"#)
            #expect(bad.status == .unprocessableContent && bad.errors.first?["field"] as? String == "signatureTime")
            #expect(try await server.send(.get, "/_sim/settings", key: nil).json["signatureTime"] as? String == "wall")
        }
    }
}
