import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SimCore
import SimResources
import SimSeed
import SimStore
import SimTestSupport
import Testing

@testable import SimHTTP

/// The machine's clock as the simulator sees it, read from a test clock: moving the test clock
/// moves both the services' waits and the simulator's wall time.
struct TestWallClock: WallClock {
    let clock: TestClock
    let origin: Int64

    func nowMilliseconds() -> Int64 {
        let (seconds, attoseconds) = clock.now.offset.components
        return origin + seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// The services that wait (the real clock's driver, the persistence loop, fault delays) wait on an
/// injected clock: each runs its next turn exactly when the test clock reaches it, with no real waiting.
@Suite(.timeLimit(.minutes(1))) struct ServiceClockTests {
    private static func defaultSeed() throws -> WorldSeed {
        try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "default.yaml")
    }

    /// Sends a request through `client` with the demo key.
    private static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, json: String? = nil
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        var headers: HTTPFields = [.apiKey: demoKey]
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(string: json)
            headers[.contentType] = "application/json"
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    @Test func theRealClockServiceRunsDueWorkWhenItsClockReachesTheDueTime() async throws {
        // Given a real clock at scale 4, a webhook, and an MT SMS whose delivery falls due 2 simulated seconds (500 ms) later
        let clock = TestClock()
        let simulator = Simulator(
            seed: try Self.defaultSeed(), clockMode: .real, clockScale: 4, wallClock: TestWallClock(clock: clock, origin: 1_700_000_000_000))
        let app = Application(router: buildRouter(simulator: simulator, adminToken: nil, clock: clock))
        try await app.test(.router) { client in
            let hook = try await Self.send(client, .put, "/_sim/webhooks", json: #"{"url": "http://127.0.0.1:9/hook"}"#)
            #expect(hook.status == .ok)
            let listed = try await Self.send(client, .get, "/v1/global-sims?status=ACTIVATED&size=1")
            let giccid = try #require((listed.json["sims"] as? [[String: Any]])?.first?["giccid"] as? String)
            let sent = try await Self.send(client, .post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "PING"}"#)
            #expect(sent.status == .created)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await RealClockService(simulator: simulator, wallClock: TestWallClock(clock: clock, origin: 1_700_000_000_000), clock: clock)
                        .run()
                }
                // When the service waits: it waits exactly until the delivery is due
                await clock.waitForSleepers(1)
                #expect(clock.sleeperDeadlines == [TestClock.Instant(offset: .milliseconds(500))])
                // and a millisecond short of it, it still waits
                clock.advance(by: .milliseconds(499))
                #expect(clock.sleeperCount == 1)
                // When the clock reaches the due time
                clock.advance(by: .milliseconds(1))
                // Then the service delivers the SMS and hands its status report to the push loop
                var deliveries = simulator.deliveryRequests.makeAsyncIterator()
                let batch = try #require(await deliveries.next())
                #expect(batch.map(\.event.eventType) == [.mtSMSStatusReport])
                group.cancelAll()
            }
        }
    }

    @Test func thePersistenceServiceSavesOnceASecondOfItsClockHasPassed() async throws {
        // Given a world saved by the persistence service into a fresh folder
        let clock = TestClock()
        let directory = NSTemporaryDirectory() + "smarthub-sim-persistence-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let wallClock = ManualWallClock()
        let simulator = Simulator(seed: try Self.defaultSeed(), clockMode: .manual, wallClock: wallClock)
        let saver = WorldSaver(simulator: simulator, store: try WorldStore(directory: directory), wallMilliseconds: { wallClock.nowMilliseconds() })
        try await saver.save()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await PersistenceService(saver: saver, logger: Logger(label: "test"), clock: clock).run() }
            await clock.waitForSleepers(1)
            // When an enterprise is made without a request
            _ = try simulator.createEnterprise(named: "Made Later", apiKey: nil, template: .empty)
            // Then nothing is saved before the second is over
            clock.advance(by: .milliseconds(999))
            #expect(clock.sleeperCount == 1)
            #expect(try !WorldStore(directory: directory).enterpriseNames().contains("Made Later"))
            // and once it is, the service saves (and waits for the next second)
            clock.advance(by: .milliseconds(1))
            await clock.waitForSleepers(1)
            #expect(try WorldStore(directory: directory).enterpriseNames().contains("Made Later"))
            group.cancelAll()
        }
    }

    @Test func aFaultDelayAnswersOnlyOnceItsClockMovedByTheDelay() async throws {
        // Given a fault delaying the enterprise endpoint by 5 s
        let clock = TestClock()
        let simulator = Simulator(seed: try Self.defaultSeed(), clockMode: .manual, wallClock: ManualWallClock())
        let app = Application(router: buildRouter(simulator: simulator, adminToken: nil, clock: clock))
        try await app.test(.router) { client in
            let fault = try await Self.send(client, .post, "/_sim/faults", json: #"{"path": "/v1/enterprise", "delay": "5s", "times": 1}"#)
            #expect(fault.status == .created)
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                // When a request is made
                group.addTask { try await Self.send(client, .get, "/v1/enterprise").status }
                // Then it waits on the clock for the delay
                await clock.waitForSleepers(1)
                #expect(clock.sleeperDeadlines == [TestClock.Instant(offset: .seconds(5))])
                clock.advance(by: .milliseconds(4999))
                #expect(clock.sleeperCount == 1, "the request still waits out its delay")
                // and is answered once the clock moved by the whole delay
                clock.advance(by: .milliseconds(1))
                let status = try await group.next()
                #expect(status == .ok)
            }
        }
    }
}
