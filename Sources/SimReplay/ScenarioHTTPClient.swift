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

    /// What may stand unencoded in a path: what a path allows, and `%` (a path may come encoded already).
    static let pathCharacters = CharacterSet.urlPathAllowed.union(["%"])
    /// What may stand unencoded in a query name or value (`+`, `&` and `=` are encoded).
    static let queryCharacters = CharacterSet.urlQueryAllowed.subtracting(["+", "&", "="])

    static func encode(_ text: String, allowing allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Closes the connections.
    public func shutdown() async throws { try await client.shutdown() }

    /// The header that lets a call into the control API of a server started with `--admin-token`;
    /// none without a token.
    public static func adminTokenHeaders(_ token: String?) -> [String: String] {
        token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }

    /// Sends `method` to `path` (with `query`), with `headers` and a JSON `body`.
    public func send(
        _ method: String, _ path: String, query: [String: String] = [:], headers: [String: String] = [:], body: JSON? = nil
    )
        async throws -> Answer
    {
        var target = Self.encode(path, allowing: Self.pathCharacters)
        if !query.isEmpty {
            target +=
                "?"
                + query.keys.sorted().map {
                    Self.encode($0, allowing: Self.queryCharacters) + "=" + Self.encode(query[$0]!, allowing: Self.queryCharacters)
                }
                .joined(separator: "&")
        }
        var request = HTTPClientRequest(url: baseURL + target)
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
