import Foundation
import HTTPTypes
import Testing

@testable import SimHTTP

/// `/_sim/faults` and what faults do to the public API.
@Suite struct FaultEndpointTests {
    @Test func aForcedOutcomeRefusesTheCallOnceWithItsMessage() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "INVENTORY")
            // Given a fault on the next activation of one SIM
            let created = try await server.send(
                .post, "/_sim/faults", key: nil,
                json: #"{"operation": "activate", "giccid": "\#(giccid)", "outcome": "FAIL", "errorMessage": "HLR timeout", "times": 1}"#)
            #expect(created.status == .created)
            #expect(created.json["operation"] as? String == "activate" && created.json["remaining"] as? Int == 1)
            // When it is activated, it is refused with the message
            let refused = try await server.send(.post, "/v1/global-sims/\(giccid)/activate")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errors.first?["message"] as? String == "HLR timeout")
            // Then the fault is used up and the next call succeeds
            #expect(try await server.send(.get, "/_sim/faults", key: nil).items("faults").isEmpty)
            #expect(try await server.send(.post, "/v1/global-sims/\(giccid)/activate").status == .ok)
        }
    }

    @Test func anHTTPFaultAnswersItsStatusOnItsPathForItsNumberOfTimes() async throws {
        try await TestServer.run { server in
            let created = try await server.send(.post, "/_sim/faults", key: nil, json: #"{"path": "/v1/global-sims", "status": 503, "times": 2}"#)
            let id = try #require(created.json["id"] as? String)
            let hit = try await server.send(.get, "/v1/global-sims")
            #expect(hit.status == .serviceUnavailable)
            #expect(hit.headers[.contentType] == "application/problem+json")
            #expect(hit.json["status"] as? Int == 503 && hit.json["detail"] as? String == "forced by fault \(id)")
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok, "another path is served")
            let listed = try await server.send(.get, "/_sim/faults", key: nil).items("faults")
            #expect(listed.first?["remaining"] as? Int == 1 && listed.first?["path"] as? String == "/v1/global-sims")
            #expect(try await server.send(.get, "/v1/global-sims").status == .serviceUnavailable)
            #expect(try await server.send(.get, "/v1/global-sims").status == .ok)
            // A bad key is still 401, whatever the faults
            try await server.send(.post, "/_sim/faults", key: nil, json: #"{"path": "/v1/*", "status": 500}"#)
            #expect(try await server.send(.get, "/v1/global-sims", key: "no-such-key-000000").status == .unauthorized)
        }
    }

    @Test func theRateLimitAnswers429WithRetryAfter() async throws {
        try await TestServer.run { server in
            let created = try await server.send(.post, "/_sim/faults", key: nil, json: #"{"rateLimit": {"perSecond": 1}}"#)
            #expect(created.status == .created)
            #expect(created.json["rateLimit"] as? NSDictionary == ["perSecond": 1] as NSDictionary)
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok)
            let limited = try await server.send(.get, "/v1/enterprise")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            // The control API is never limited, and deleting the fault lifts the limit
            #expect(try await server.send(.delete, "/_sim/faults", key: nil).status == .noContent)
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok)
        }
    }

    @Test func aDelayHoldsTheAnswerBackAtLeastThatLong() async throws {
        try await TestServer.run { server in
            try await server.send(.post, "/_sim/faults", key: nil, json: #"{"path": "/v1/enterprise", "delay": "200ms", "times": 1}"#)
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok)
            #expect(clock.now - start >= .milliseconds(200))
        }
    }

    @Test func badFaultBodiesAreRefusedAndUnknownIdsAreNotFound() async throws {
        try await TestServer.run { server in
            let cases: [(String, String)] = [
                (#"{"operation": "activate", "outcome": "FAIL", "path": "/v1/global-sims"}"#, "path"),
                (#"{"operation": "activate", "outcome": "FAILED"}"#, "outcome"),
                (#"{"operation": "dance", "outcome": "FAIL"}"#, "operation"),
                (#"{"operation": "activate"}"#, "outcome"),
                (#"{"path": "/global-sims", "status": 503}"#, "path"),
                (#"{"path": "/v1/global-sims"}"#, "status"),
                (#"{"rateLimit": {"perSecond": 0}}"#, "rateLimit.perSecond"),
                (#"{"rateLimit": {}}"#, "rateLimit.perSecond"),
                (#"{"times": 2}"#, "operation"),
                (#"{"operation": "retire", "outcome": "FAIL", "giccid": "8944000000000000001"}"#, "giccid"),
            ]
            for (body, field) in cases {
                let reply = try await server.send(.post, "/_sim/faults", key: nil, json: body)
                #expect(reply.status == .unprocessableContent, "\(body)")
                #expect(reply.errors.first?["field"] as? String == field, "\(body)")
            }
            #expect(try await server.send(.post, "/_sim/faults", key: nil, json: #"{"rateLimit": 5}"#).status == .badRequest)
            #expect(try await server.send(.get, "/_sim/faults", key: nil).items("faults").isEmpty)
            let missing = try await server.send(.delete, "/_sim/faults/nope", key: nil)
            #expect(missing.status == .notFound && missing.errors.first?["resource"] as? String == "Fault")
        }
    }
}
