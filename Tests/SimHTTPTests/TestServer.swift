import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SimCore
import SimResources
import SimSeed
import Testing

@testable import SimHTTP

/// The demo enterprise's key in the default seed.
let demoKey = "demo-key-0d1f6a2c9e4b7385"

/// A simulator on the default seed with a manual clock, and a client for its router.
struct TestServer: Sendable {
    let simulator: Simulator
    let client: any TestClientProtocol
    /// The journal of the server's public API requests.
    let journal: RequestJournal

    /// Runs `body` against a fresh server on the embedded default seed.
    static func run(
        adminToken: String? = nil, pushTransport: any PushTransport = UnconnectedPushTransport(),
        journal: RequestJournal = RequestJournal(), _ body: @escaping @Sendable (TestServer) async throws -> Void
    ) async throws {
        let seed = try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "default.yaml")
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock(), pushTransport: pushTransport)
        let app = Application(router: buildRouter(simulator: simulator, adminToken: adminToken, journal: journal))
        try await app.test(.router) { client in
            try await body(TestServer(simulator: simulator, client: client, journal: journal))
        }
    }

    /// Sends a request; `json` is sent as an `application/json` body.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, key: String? = demoKey, json: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let key { headers[.apiKey] = key }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(string: json)
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
            headers[.contentLength] = String(json.utf8.count)
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        return Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }
}

/// A response, with its body parsed on demand.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    /// The body as a JSON object (an empty one when it is not).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The `errors` array of a problem body.
    var errors: [[String: Any]] { json["errors"] as? [[String: Any]] ?? [] }

    /// The list under `key` of a paged body.
    func items(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }
}
