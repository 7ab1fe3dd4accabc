import Foundation
import HTTPTypes
import Testing

@testable import SimHTTP

/// `GET|PUT /_sim/state` and `/_sim/state/snapshots`.
@Suite struct StateEndpointTests {
    /// A small seed in its JSON form: one enterprise, one account, one plan, one SIM.
    static let smallSeed = #"""
        {"version": 1, "startTime": "2030-01-01T00:00:00+0000", "randomSeed": 7,
         "enterprises": [{"name": "Tiny Co", "apiKey": "tiny-key-0123456789abcdef", "status": "ENABLED", "createdTime": "2029-01-01T00:00:00+0000",
           "accounts": [{"name": "Main", "chargeType": "CHARGE", "status": "ENABLED", "simSkus": ["SKU"],
             "servicePackages": [{"name": "Basic", "type": "BASIC", "billingType": "POSTPAID", "price": 1, "currency": "USD"}]}],
           "sims": [{"iccid": "8944990000000000011", "imsi": "234990000000001", "msisdn": "447700900001", "status": "ACTIVATED",
             "accountName": "Main", "basicServicePackageName": "Basic", "createdTime": "2029-06-01T00:00:00+0000",
             "activatedTime": "2029-06-02T00:00:00+0000", "lastStatusChangeTime": "2029-06-02T00:00:00+0000"}]}]}
        """#

    @Test func aStatePutBackRestoresTheWorldAndReadsTheSame() async throws {
        try await TestServer.run { server in
            // Given the state after a few changes
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "90s"}"#)
            try await server.send(.post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "hi"}"#)
            let saved = try await server.send(.get, "/_sim/state", key: nil)
            #expect(saved.status == .ok && saved.json["format"] as? String == "smarthub-sim-state")
            // When more happens, then the state is put back
            try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1h"}"#)
            let put = try await server.send(.put, "/_sim/state", key: nil, json: saved.text)
            // Then the world is as it was: clock, SIM, pending SMS; and it reads the same to the byte
            #expect(put.status == .ok && put.json["now"] as? String == "2025-03-15T08:01:30+0000")
            #expect(try await server.send(.get, "/v1/global-sims/\(giccid)").json["status"] as? String == "ACTIVATED")
            #expect(try await server.send(.get, "/_sim/state", key: nil).text == saved.text)
        }
    }

    @Test func aSeedDocumentReplacesTheWorldWithTheSeedsAndResetReturnsToTheLoadedOne() async throws {
        try await TestServer.run { server in
            let put = try await server.send(.put, "/_sim/state", key: nil, json: Self.smallSeed)
            #expect(put.status == .ok && put.json["now"] as? String == "2030-01-01T00:00:00+0000")
            #expect(try await server.send(.get, "/v1/global-sims", key: "tiny-key-0123456789abcdef").json["total"] as? Int == 1)
            #expect(try await server.send(.get, "/v1/enterprise").status == .unauthorized)
            try await server.send(.post, "/_sim/reset", key: nil)
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok)
        }
    }

    @Test func badDocumentsAreRefusedAndChangeNothing() async throws {
        try await TestServer.run { server in
            let before = try await server.send(.get, "/_sim/state", key: nil).text
            let wrongVersion = before.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
            let version = try await server.send(.put, "/_sim/state", key: nil, json: wrongVersion)
            #expect(version.status == .unprocessableContent && version.errors.first?["field"] as? String == "version")
            let missing = try await server.send(.put, "/_sim/state", key: nil, json: #"{"format": "smarthub-sim-state", "version": 1}"#)
            #expect(missing.status == .unprocessableContent && missing.errors.first?["field"] as? String == "now")
            let badSeed = try await server.send(.put, "/_sim/state", key: nil, json: #"{"version": 1, "enterprises": []}"#)
            #expect(badSeed.status == .unprocessableContent && badSeed.errors.first?["resource"] as? String == "Seed")
            #expect(try await server.send(.put, "/_sim/state", key: nil, json: "[1, 2]").status == .badRequest)
            #expect(try await server.send(.get, "/_sim/state", key: nil).text == before)
        }
    }

    @Test func aStateLargerThanTheUsualBodyLimitIsAccepted() async throws {
        try await TestServer.run { server in
            try await server.send(.post, "/_sim/sims", key: nil, json: #"{"accountName": "Metering Postpaid", "count": 3000}"#)
            let saved = try await server.send(.get, "/_sim/state", key: nil)
            #expect(saved.text.utf8.count > 1 << 20)
            #expect(try await server.send(.put, "/_sim/state", key: nil, json: saved.text).status == .ok)
            #expect(try await server.send(.get, "/v1/global-sims?size=1").json["total"] as? Int == 3050)
        }
    }

    @Test func snapshotsAreTakenListedRestoredAndDeletedByName() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let taken = try await server.send(.post, "/_sim/state/snapshots", key: nil, json: #"{"name": "clean"}"#)
            #expect(taken.status == .created)
            #expect(
                taken.json as NSDictionary == ["name": "clean", "takenAt": "2025-03-15T08:00:00+0000", "enterprises": ["Demo IoT Ltd"]]
                    as NSDictionary)
            try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            let restored = try await server.send(.post, "/_sim/state/snapshots/clean/restore", key: nil)
            #expect(restored.status == .ok)
            #expect(try await server.send(.get, "/v1/global-sims/\(giccid)").json["status"] as? String == "ACTIVATED")
            #expect(try await server.send(.get, "/_sim/state/snapshots", key: nil).items("snapshots").map { $0["name"] as? String } == ["clean"])
            #expect(try await server.send(.delete, "/_sim/state/snapshots/clean", key: nil).status == .noContent)
            let gone = try await server.send(.post, "/_sim/state/snapshots/clean/restore", key: nil)
            #expect(gone.status == .notFound && gone.errors.first?["resource"] as? String == "Snapshot")
            let badName = try await server.send(.post, "/_sim/state/snapshots", key: nil, json: #"{"name": "a b"}"#)
            #expect(badName.status == .unprocessableContent)
        }
    }
}
