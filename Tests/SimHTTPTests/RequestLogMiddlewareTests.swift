import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SimCore
import SimResources
import SimSeed
import Synchronization
import Testing

@testable import SimHTTP

/// The request log: one info record per request, with method, path, status and duration as metadata.
@Suite struct RequestLogMiddlewareTests {
    /// Keeps every record it is given.
    final class RecordingLogHandler: LogHandler, Sendable {
        struct Record: Sendable {
            let level: Logger.Level
            let message: String
            let metadata: [String: String]
        }

        let records = Mutex<[Record]>([])
        private let level: Mutex<Logger.Level>

        init(level: Logger.Level) { self.level = Mutex(level) }

        var logLevel: Logger.Level {
            get { level.withLock { $0 } }
            set { level.withLock { $0 = newValue } }
        }
        var metadata: Logger.Metadata {
            get { [:] }
            set {}
        }
        subscript(metadataKey _: String) -> Logger.Metadata.Value? {
            get { nil }
            set {}
        }

        func log(event: LogEvent) {
            let metadata = (event.metadata ?? [:]).mapValues { "\($0)" }
            records.withLock { $0.append(Record(level: event.level, message: "\(event.message)", metadata: metadata)) }
        }

        /// The records of requests.
        var requestRecords: [Record] { records.withLock { $0.filter { $0.metadata["http.path"] != nil } } }
    }

    private func serve(
        level: Logger.Level, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws
        -> RecordingLogHandler
    {
        let handler = RecordingLogHandler(level: level)
        let seed = try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "default.yaml")
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: UnconnectedPushTransport())
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = level
        let app = Application(router: buildRouter(simulator: simulator, adminToken: nil), logger: logger)
        try await app.test(.router) { client in try await body(client) }
        return handler
    }

    @Test func eachRequestIsOneInfoRecordWithMethodPathStatusAndDuration() async throws {
        // Given a server logging at info, when a request is answered and another refused
        let handler = try await serve(level: .info) { client in
            _ = try await client.execute(uri: "/v1/enterprise?page=0", method: .get, headers: [.apiKey: demoKey])
            _ = try await client.execute(uri: "/v1/enterprise", method: .get, headers: [.apiKey: "wrong"])
        }
        // Then each has one info record with the four fields, the path without its query
        let records = handler.requestRecords
        try #require(records.count == 2)
        #expect(records[0].level == .info)
        #expect(records[0].metadata["http.method"] == "GET")
        #expect(records[0].metadata["http.path"] == "/v1/enterprise")
        #expect(records[0].metadata["http.status"] == "200")
        #expect(records[0].metadata["http.duration_ms"]?.wholeMatch(of: /\d+\.\d{3}/) != nil)
        #expect(records[1].metadata["http.status"] == "401")
    }

    @Test func aboveInfoNothingIsLogged() async throws {
        let handler = try await serve(level: .notice) { client in
            _ = try await client.execute(uri: "/v1/enterprise", method: .get, headers: [.apiKey: demoKey])
        }
        #expect(handler.requestRecords.isEmpty)
    }

    @Test(
        "durations in milliseconds with three decimals",
        arguments: [
            (Duration.microseconds(0), "0.000"), (.microseconds(7), "0.007"), (.microseconds(1250), "1.250"),
            (.milliseconds(12_345), "12345.000"),
        ])
    func milliseconds(duration: Duration, text: String) {
        #expect(RequestLogMiddleware<AppRequestContext>.milliseconds(duration) == text)
    }
}
