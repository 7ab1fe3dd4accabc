import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends the calls of scenarios to a server, and reads its answers as JSON.
public final class ScenarioHTTPClient: Sendable {
    /// An answer: its status, its body as JSON (nil when it is not JSON) and as text.
    public struct Answer: Sendable {
        public var status: Int
        public var body: JSON?
        public var text: String
    }

    private let client: HTTPClient
    /// The server's base URL, e.g. `http://127.0.0.1:8080`.
    public let baseURL: String

    /// A client of the server at `baseURL`; call ``shutdown()`` when done.
    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connections.
    public func shutdown() async throws { try await client.shutdown() }

    /// Sends `method` to `path` (with `query`), with `headers` and a JSON `body`.
    public func send(
        _ method: String, _ path: String, query: [String: String] = [:], headers: [String: String] = [:], body: JSON? = nil
    )
        async throws -> Answer
    {
        var components = URLComponents()
        components.percentEncodedPath = path
        if !query.isEmpty { components.queryItems = query.keys.sorted().map { URLQueryItem(name: $0, value: query[$0]) } }
        var request = HTTPClientRequest(url: baseURL + (components.string ?? path))
        request.method = HTTPMethod(rawValue: method.uppercased())
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.headers.add(name: name, value: value) }
        if let body {
            if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
                request.headers.add(name: "Content-Type", value: "application/json")
            }
            request.body = .bytes(ByteBuffer(string: body.description))
        }
        let response = try await client.execute(request, timeout: .seconds(120))
        let buffer = try await response.body.collect(upTo: 256 << 20)
        let data = Data(buffer.readableBytesView)
        return Answer(status: Int(response.status.code), body: JSON.parse(data), text: String(decoding: data, as: UTF8.self))
    }
}
