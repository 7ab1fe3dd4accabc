import Foundation
import HTTPTypes
import SimCore
import SimPush
import SimTestSupport
import Testing

@testable import SimHTTP

/// Webhooks, deliveries and redelivery through the control API, with a real local receiver.
@Suite struct PushEndpointTests {
    /// Runs `body` with a server whose pushes go over HTTP to a live receiver.
    func withReceiver(_ body: @escaping @Sendable (TestServer, ReceiverApp, String) async throws -> Void) async throws {
        let receiver = ReceiverApp()
        let transport = HTTPPushTransport()
        try await receiver.run { base in
            try await TestServer.run(pushTransport: transport) { server in try await body(server, receiver, base) }
        }
        try await transport.shutdown()
    }

    @Test func aSuspendIsPushedSignedWhenTheClockAdvances() async throws {
        try await withReceiver { server, receiver, base in
            // Given a webhook with a secret
            let set = try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "\#(base)/hook", "secret": "s3cret"}"#)
            #expect(set.status == .ok)
            #expect(set.json["secret"] as? String == "s3cret")
            #expect((set.json["eventTypes"] as? [String])?.count == PushEventType.allCases.count)
            // When a SIM is suspended and the clock advances by nothing
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            #expect(receiver.received.all.isEmpty, "with a manual clock, pushes wait for an advance")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": 0}"#)
            // Then, once the advance has answered, the receiver has the signed push
            let received = try #require(receiver.received.all.first)
            let json = try #require(try JSONSerialization.jsonObject(with: received.body) as? [String: Any])
            #expect(json["eventType"] as? String == "SIM_STATUS_CHANGE")
            #expect(json["giccid"] as? String == giccid)
            #expect(Set(json.keys) == ["eventId", "eventType", "eventTime", "enterpriseName", "accountName", "giccid", "data"])
            let timestamp = try #require(received.headers[HTTPField.Name("X-Smarthub-Timestamp")!])
            let signature = try #require(received.headers[HTTPField.Name("X-Smarthub-Signature")!])
            #expect(PushSignature.isValid(signature, body: received.body, timestamp: timestamp, secret: "s3cret"))
            // And the delivery log shows it delivered, with its payload
            let deliveries = try await server.send(.get, "/_sim/deliveries", key: nil)
            let delivery = try #require(deliveries.items("deliveries").first)
            #expect(delivery["state"] as? String == "DELIVERED")
            #expect((delivery["attempts"] as? [[String: Any]])?.first?["httpStatus"] as? Int == 200)
            #expect((delivery["payload"] as? [String: Any])?["eventId"] as? String == json["eventId"] as? String)
        }
    }

    @Test func receiverErrorsAreRetriedOnTheClockAndCanBeRedelivered() async throws {
        try await withReceiver { server, receiver, base in
            // Given a receiver answering 503 and two retries, 5 s and 1 min after
            try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "\#(base)/hook/503"}"#)
            try await server.send(.put, "/_sim/settings", key: nil, json: #"{"pushRetrySchedule": ["5s", "1m"]}"#)
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            // When the clock passes every retry
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "2m"}"#)
            // Then three attempts of one event were made, and the push has FAILED
            #expect(receiver.received.all.count == 3)
            let failed = try await server.send(.get, "/_sim/deliveries?state=FAILED", key: nil).items("deliveries")
            #expect(failed.count == 1)
            let attempts = try #require(failed.first?["attempts"] as? [[String: Any]])
            #expect(
                attempts.compactMap { $0["at"] as? String } == [
                    "2025-03-15T08:00:00+0000", "2025-03-15T08:00:05+0000", "2025-03-15T08:01:05+0000",
                ])
            #expect(attempts.allSatisfy { $0["httpStatus"] as? Int == 503 })
            // When the push is redelivered (to the URL it was made for, which still answers 503)
            let eventId = try #require(failed.first?["eventId"] as? String)
            let redelivered = try await server.send(.post, "/_sim/deliveries/\(eventId)/redeliver", key: nil)
            // Then it went out once more before the answer, with the same event id, to the URL it was pushed to
            #expect(redelivered.status == .ok)
            #expect(receiver.received.all.count == 4)
            #expect((redelivered.json["attempts"] as? [[String: Any]])?.count == 4)
            let after = try await server.send(.get, "/_sim/deliveries?giccid=\(giccid)", key: nil).items("deliveries")
            #expect(after.first?["state"] as? String == "FAILED", "its retries were used up: a failed redelivery fails again")
            #expect(try await server.send(.post, "/_sim/deliveries/nope/redeliver", key: nil).status == .notFound)
        }
    }

    @Test func aSlowReceiverTimesOutAndIsRetried() async throws {
        try await withReceiver { server, receiver, base in
            try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "\#(base)/slow"}"#)
            try await server.send(.put, "/_sim/settings", key: nil, json: #"{"pushTimeout": "200ms", "pushRetrySchedule": []}"#)
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": 0}"#)
            let delivery = try #require(try await server.send(.get, "/_sim/deliveries", key: nil).items("deliveries").first)
            #expect(delivery["state"] as? String == "FAILED")
            let attempt = try #require((delivery["attempts"] as? [[String: Any]])?.first)
            #expect((attempt["error"] as? String)?.contains("timed out") == true)
            #expect(attempt["httpStatus"] == nil)
        }
    }

    @Test func webhooksAreValidatedListedAndRemoved() async throws {
        try await TestServer.run { server in
            let bad = try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "ftp://nope"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errors.first?["field"] as? String == "url")
            let badType = try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "http://a.test/", "eventTypes": ["NOPE"]}"#)
            #expect(badType.errors.first?["field"] as? String == "eventTypes")
            let noURL = try await server.send(.put, "/_sim/webhooks", key: nil, json: "{}")
            #expect(noURL.errors.first?["code"] as? String == "missing_field")
            try await server.send(
                .put, "/_sim/webhooks", key: nil, json: #"{"url": "http://a.test/", "eventTypes": ["MO_SMS"], "accountName": "Fleet Prepaid"}"#)
            try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "http://b.test/"}"#)
            let list = try await server.send(.get, "/_sim/webhooks", key: nil).items("webhooks")
            #expect(list.map { $0["url"] as? String } == ["http://b.test/", "http://a.test/"])
            #expect(list.last?["eventTypes"] as? [String] == ["MO_SMS"])
            #expect(try await server.send(.delete, "/_sim/webhooks?accountName=Fleet%20Prepaid", key: nil).status == .noContent)
            #expect(try await server.send(.get, "/_sim/webhooks", key: nil).items("webhooks").count == 1)
            let badState = try await server.send(.get, "/_sim/deliveries?state=LOST", key: nil)
            #expect(badState.status == .unprocessableContent)
        }
    }

    @Test func apnStatusChangesAreLoggedAndPushed() async throws {
        try await withReceiver { server, receiver, base in
            try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "\#(base)/hook", "eventTypes": ["SIM_APN_STATUS_CHANGE"]}"#)
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let disabled = try await server.send(.put, "/v1/global-sims/\(giccid)/apn-status", json: #"{"status": "DISABLED"}"#)
            #expect(disabled.status == .ok)
            #expect(disabled.json["apnStatus"] as? String == "DISABLED")
            let again = try await server.send(.put, "/v1/global-sims/\(giccid)/apn-status", json: #"{"status": "DISABLED"}"#)
            #expect(again.status == .unprocessableContent)
            let bad = try await server.send(.put, "/v1/global-sims/\(giccid)/apn-status", json: #"{"status": "OFF"}"#)
            #expect(bad.errors.first?["field"] as? String == "status")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": 0}"#)
            let json = try #require(try receiver.received.all.first.map { try JSONSerialization.jsonObject(with: $0.body) as? [String: Any] })
            #expect(json?["eventType"] as? String == "SIM_APN_STATUS_CHANGE")
            #expect((json?["data"] as? [String: Any])?["currentStatus"] as? String == "DISABLED")
            let log = try await server.send(.get, "/v1/global-sims/changeLogs?type=APN_STATUS").items("changeLogs")
            #expect(log.map { $0["after"] as? String } == ["DISABLED"])
        }
    }
}
