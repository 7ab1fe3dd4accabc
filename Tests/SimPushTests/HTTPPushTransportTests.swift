import Foundation
import HTTPTypes
import Hummingbird
import SimCore
import SimTestSupport
import Testing

@testable import SimPush

/// The HTTP transport against a real local receiver: body, headers, signature, failures.
@Suite struct HTTPPushTransportTests {
    static let event = PushEvent(
        eventId: "0123456789abcdef0123456789abcdef", eventType: .simStatusChange, eventTime: Timestamp(secondsSinceEpoch: 1_742_025_600),
        enterpriseName: "Demo IoT Ltd", accountName: "Fleet Prepaid", giccid: "8944102015031128875",
        data: ["previousStatus": .string("ACTIVATED"), "currentStatus": .string("DEACTIVATED"), "source": .string("API"), "jobId": .null])

    func request(_ url: String, secret: String? = nil, timeout: SimDuration = .seconds(5)) -> PushRequest {
        PushRequest(
            enterpriseName: "Demo IoT Ltd", tenantSerial: 1, event: Self.event, url: url, secret: secret, attemptNumber: 2,
            time: Timestamp(secondsSinceEpoch: 1_742_025_605), timeout: timeout)
    }

    @Test func aPushIsAJSONPostOfTheEnvelopeSignedWithTheSecret() async throws {
        let receiver = ReceiverApp()
        let transport = HTTPPushTransport()
        try await receiver.run { base in
            // When a push with a secret is sent
            let outcome = await transport.send(request("\(base)/hook", secret: "s3cret"))
            // Then the receiver got the envelope as JSON, with headers it can verify
            #expect(outcome == PushOutcome(httpStatus: 200, error: nil))
            let received = try #require(receiver.received.all.first)
            let json = try #require(try JSONSerialization.jsonObject(with: received.body) as? [String: Any])
            #expect(json["eventId"] as? String == Self.event.eventId)
            #expect(json["eventType"] as? String == "SIM_STATUS_CHANGE")
            #expect(json["eventTime"] as? String == "2025-03-15T08:00:00+0000")
            #expect(json["giccid"] as? String == Self.event.giccid)
            #expect((json["data"] as? [String: Any])?["currentStatus"] as? String == "DEACTIVATED")
            #expect((json["data"] as? [String: Any])?["jobId"] is NSNull)
            #expect(received.headers[.contentType] == "application/json")
            let timestamp = try #require(received.headers[HTTPField.Name("X-Smarthub-Timestamp")!])
            let signature = try #require(received.headers[HTTPField.Name("X-Smarthub-Signature")!])
            #expect(timestamp == "1742025605")
            #expect(PushSignature.isValid(signature, body: received.body, timestamp: timestamp, secret: "s3cret"))
            #expect(!PushSignature.isValid(signature, body: received.body, timestamp: timestamp, secret: "other"))
            #expect(received.headers[HTTPField.Name("X-Smarthub-Attempt")!] == "2")
        }
        try await transport.shutdown()
    }

    @Test func withSignatureTimeWallTheSignatureCoversTheMachinesTimeNotTheSimulatedOne() async throws {
        // Given a machine clock far from the simulated time, and a push whose settings ask for wall time
        let receiver = ReceiverApp()
        let machine = ManualWallClock(milliseconds: 1_900_000_000_750)
        let transport = HTTPPushTransport(wallClock: machine)
        try await receiver.run { base in
            var wallSigned = request("\(base)/hook", secret: "s3cret")
            wallSigned.signatureTime = .wall
            // When it is sent
            _ = await transport.send(wallSigned)
            // Then the timestamp is the machine's (whole seconds), and the signature covers it
            let received = try #require(receiver.received.all.first)
            let timestamp = try #require(received.headers[HTTPField.Name("X-Smarthub-Timestamp")!])
            let signature = try #require(received.headers[HTTPField.Name("X-Smarthub-Signature")!])
            #expect(timestamp == "1900000000")
            #expect(PushSignature.isValid(signature, body: received.body, timestamp: timestamp, secret: "s3cret"))
            // And the envelope still carries the simulated event time
            let json = try #require(try JSONSerialization.jsonObject(with: received.body) as? [String: Any])
            #expect(json["eventTime"] as? String == "2025-03-15T08:00:00+0000")
        }
        try await transport.shutdown()
    }

    @Test func withoutASecretThereIsNoSignature() async throws {
        let receiver = ReceiverApp()
        let transport = HTTPPushTransport()
        try await receiver.run { base in
            _ = await transport.send(request("\(base)/hook"))
            let received = try #require(receiver.received.all.first)
            #expect(received.headers[HTTPField.Name("X-Smarthub-Signature")!] == nil)
        }
        try await transport.shutdown()
    }

    @Test func theSignatureIsHMACSHA256OfTimestampDotBody() {
        // A known vector, computed independently (Python: hmac.new(b"key", b'1700000000.{"a":1}', sha256).hexdigest())
        let signature = PushSignature.sign(body: Data(#"{"a":1}"#.utf8), timestamp: "1700000000", secret: "key")
        #expect(signature == "a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03")
    }

    @Test func errorsTimeoutsAndRefusedConnectionsAreOutcomes() async throws {
        let receiver = ReceiverApp()
        let transport = HTTPPushTransport()
        try await receiver.run { base in
            let serverError = await transport.send(request("\(base)/hook/503"))
            #expect(serverError.httpStatus == 503)
            #expect(!serverError.isSuccess)
            let slow = await transport.send(request("\(base)/slow", timeout: SimDuration(milliseconds: 200)))
            #expect(slow.httpStatus == nil)
            #expect(slow.error?.contains("timed out") == true)
        }
        let refused = await transport.send(request("http://127.0.0.1:1/hook"))
        #expect(refused.httpStatus == nil)
        #expect(refused.error != nil)
        try await transport.shutdown()
    }

    @Test(.timeLimit(.minutes(1))) func theTimeoutRunsOnTheInjectedClock() async throws {
        // Given a transport timing out on a test clock, and a receiver that takes two (wall) seconds to answer
        let clock = TestClock()
        let transport = HTTPPushTransport(clock: clock)
        try await receiver.run { base in
            try await withThrowingTaskGroup(of: PushOutcome.self) { group in
                // When a push with a 5 s timeout is sent
                group.addTask { await transport.send(request("\(base)/slow", timeout: .seconds(5))) }
                // Then it waits on the clock for the whole timeout
                await clock.waitForSleepers(1)
                #expect(clock.sleeperDeadlines == [TestClock.Instant(offset: .seconds(5))])
                // and times out as soon as the clock has moved by it, long before the receiver answers
                clock.advance(by: .seconds(5))
                let outcome = try #require(try await group.next())
                #expect(outcome.httpStatus == nil)
                #expect(outcome.error == "timed out after 5000 ms")
            }
        }
        try await transport.shutdown()
    }

    private var receiver: ReceiverApp { ReceiverApp() }
}
