import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A webhook receiver for tests, on a real local port: records every request and answers with
/// the status in its path (`/hook/503`), 200 on `/hook`, or slowly on `/slow`.
public struct ReceiverApp: Sendable {
    /// One request as received.
    public struct Received: Sendable {
        public let path: String
        public let headers: HTTPFields
        public let body: Data
    }

    /// Every request received.
    public let received = Received.Log()

    /// A receiver, not listening yet.
    public init() {}

    /// Runs `body` with the receiver listening; `body` gets its base URL.
    public func run(_ body: @escaping @Sendable (_ baseURL: String) async throws -> Void) async throws {
        let router = Router()
        let log = received
        router.post("/hook") { request, _ in try await log.record(request, status: .ok) }
        router.post("/hook/{status}") { request, context in
            let status = HTTPResponse.Status(code: Int(context.parameters.get("status") ?? "") ?? 500)
            return try await log.record(request, status: status)
        }
        router.post("/slow") { request, _ in
            try await Task.sleep(for: .seconds(2))
            return try await log.record(request, status: .ok)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)")
        }
    }
}

extension ReceiverApp.Received {
    /// The requests a receiver got, in order.
    public final class Log: Sendable {
        private let requests = Mutex<[ReceiverApp.Received]>([])

        /// The requests so far, in order.
        public var all: [ReceiverApp.Received] { requests.withLock { $0 } }

        func record(_ request: Request, status: HTTPResponse.Status) async throws -> Response {
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            requests.withLock {
                $0.append(.init(path: request.uri.path, headers: request.headers, body: Data(buffer: body)))
            }
            return Response(status: status)
        }
    }
}
