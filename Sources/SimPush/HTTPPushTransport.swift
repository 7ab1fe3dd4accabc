import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SimCore

/// Delivers pushes with AsyncHTTPClient: a JSON POST of the envelope, signed when the webhook has
/// a secret; success is a 2xx within the push's timeout.
///
/// The timeout covers the whole exchange (connecting, the answer's head and its body): a receiver
/// that stalls at any point is given up on when it runs out. Each attempt is its own try: a
/// refused connection fails at once, with no back-off carried over to later attempts.
public final class HTTPPushTransport: PushTransport {
    private let client: HTTPClient
    /// The machine's clock, for signatures that cover the wall time (``SignatureTime/wall``).
    private let wallClock: any WallClock
    /// What the push timeout is measured on (the machine's clock in production).
    private let clock: any Clock<Duration>

    /// A transport with its own pooled HTTP client, timing attempts out on `clock`; call
    /// ``shutdown()`` when done.
    public init(wallClock: any WallClock = SystemWallClock(), clock: any Clock<Duration> = ContinuousClock()) {
        self.wallClock = wallClock
        self.clock = clock
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        // A failed connection fails its attempt at once; the next attempt connects afresh.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the HTTP client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func send(_ request: PushRequest) async -> PushOutcome {
        // A URL kept from before the rule (or built around it) is an outcome, never a crash in the transport.
        if let problem = WebhookURLRule.problem(with: request.url) { return PushOutcome(httpStatus: nil, error: "not sent: \(problem)") }
        let body = PushEnvelope.body(of: request.event)
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        outgoing.headers.add(name: "Content-Type", value: "application/json")
        outgoing.headers.add(name: "User-Agent", value: "smarthub-sim")
        outgoing.headers.add(name: "X-Smarthub-Event-Id", value: request.event.eventId)
        outgoing.headers.add(name: "X-Smarthub-Event-Type", value: request.event.eventType.rawValue)
        outgoing.headers.add(name: "X-Smarthub-Attempt", value: String(request.attemptNumber))
        if let secret = request.secret {
            let timestamp = String(signatureSeconds(of: request))
            outgoing.headers.add(name: PushSignature.timestampHeader, value: timestamp)
            outgoing.headers.add(name: PushSignature.signatureHeader, value: PushSignature.sign(body: body, timestamp: timestamp, secret: secret))
        }
        outgoing.body = .bytes(ByteBuffer(bytes: body))
        // At most a day: a larger setting would overflow TimeAmount's nanoseconds.
        let milliseconds = min(max(1, request.timeout.milliseconds), 86_400_000)
        let timedOut = PushOutcome(httpStatus: nil, error: "timed out after \(request.timeout.milliseconds) ms")
        let client = client
        let clock = clock
        return await withTaskGroup(of: PushOutcome.self) { group in
            group.addTask { [outgoing] in
                await Self.exchange(outgoing, client: client, deadline: .now() + .milliseconds(milliseconds), timedOut: timedOut)
            }
            group.addTask {
                try? await clock.sleep(for: .milliseconds(milliseconds))
                return timedOut
            }
            let first = await group.next() ?? timedOut
            group.cancelAll()
            return first
        }
    }

    /// One POST and its answer, head and (a bounded part of the) body; cancelled when the timeout runs out.
    private static func exchange(
        _ outgoing: HTTPClientRequest, client: HTTPClient, deadline: NIODeadline, timedOut: PushOutcome
    ) async
        -> PushOutcome
    {
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            // Read (and drop) a bounded part of the body so the connection can be reused.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return PushOutcome(httpStatus: Int(response.status.code), error: nil)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .cancelled {
            return timedOut
        } catch is CancellationError {
            return timedOut
        } catch {
            return PushOutcome(httpStatus: nil, error: "\(error)")
        }
    }

    /// The unix time (seconds) the request's signature covers, as its settings choose.
    func signatureSeconds(of request: PushRequest) -> Int64 {
        switch request.signatureTime {
        case .simulated: request.time.secondsSinceEpoch
        case .wall: Timestamp(millisecondsSinceEpoch: wallClock.nowMilliseconds()).secondsSinceEpoch
        }
    }
}
