import Foundation
import HTTPTypes
import Testing

@testable import SimHTTP

/// Every documented error answers with its exact problem JSON.
@Suite struct ProblemResponseTests {
    @Test func missingKeyGivesTheDocumented401() async throws {
        try await TestServer.run { server in
            // When a call comes without X-API-Key
            let reply = try await server.send(.get, "/v1/global-sims", key: nil)
            // Then it gets exactly the documented body
            #expect(reply.status == .unauthorized)
            #expect(reply.headers[.contentType] == "application/problem+json")
            #expect(reply.json as NSDictionary == ["type": "about:blank", "title": "Invalid api key", "status": 401] as NSDictionary)
        }
    }

    @Test func unknownKeyGives401() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/enterprise", key: "not-a-key-of-anyone")
            #expect(reply.status == .unauthorized)
            #expect(reply.json["title"] as? String == "Invalid api key")
        }
    }

    @Test func unknownSIMGivesTheDocumented404() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/global-sims/8944000000000000000")
            #expect(reply.status == .notFound)
            #expect(reply.json["title"] as? String == "Not Found")
            #expect(reply.json["status"] as? Int == 404)
            #expect(reply.errors.count == 1)
            #expect(reply.errors.first?["resource"] as? String == "SIM")
            #expect(reply.errors.first?["field"] as? String == "giccid")
            #expect(reply.errors.first?["code"] as? String == "missing")
        }
    }

    @Test func unknownPathGives404ProblemJSON() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/no/such/thing/here")
            #expect(reply.status == .notFound)
            #expect(reply.headers[.contentType] == "application/problem+json")
            #expect(reply.json["type"] as? String == "about:blank")
        }
    }

    @Test func knownPathWithAnotherMethodGives405WithAllow() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.delete, "/v1/global-sims/89441020150000000")
            #expect(reply.status == .methodNotAllowed)
            #expect(reply.headers[.allow] == "GET")
            #expect(reply.json["title"] as? String == "Method Not Allowed")
            let put = try await server.send(.post, "/v1/global-sims/x/custom-field", json: "{}")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, PUT")
        }
    }

    @Test func bodyThatIsNotJSONGivesTheDocumented400() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            for body in ["{not json", "[1,2]", "\"text\"", ""] {
                let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: body)
                #expect(reply.status == .badRequest, "body \(body)")
                #expect(reply.json["title"] as? String == "Bad Request")
                #expect((reply.json["detail"] as? String)?.hasPrefix("Body should be a JSON object") == true)
            }
        }
    }

    @Test func valueOfTheWrongJSONTypeGives400() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: #"{"custom1": 42}"#)
            #expect(reply.status == .badRequest)
            #expect((reply.json["detail"] as? String)?.contains("custom1") == true)
        }
    }

    @Test func invalidFieldGivesTheDocumented422() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            let tooLong = String(repeating: "x", count: 256)
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: #"{"custom1": "\#(tooLong)"}"#)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.json["title"] as? String == "Validation Failed")
            #expect(reply.errors.first?["resource"] as? String == "customFieldVO")
            #expect(reply.errors.first?["field"] as? String == "custom1")
            #expect(reply.errors.first?["code"] as? String == "invalid")
        }
    }

    @Test func bodyOverOneMebibyteGives413() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            let huge = #"{"custom1": ""# + String(repeating: "a", count: 1 << 20) + #""}"#
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: huge)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.json["title"] as? String == "Payload Too Large")
        }
    }

    @Test func nonJSONContentTypeGives415() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            let reply = try await server.send(
                .put, "/v1/global-sims/\(giccid)/custom-field", json: "custom1=x", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(reply.status == .unsupportedMediaType)
            #expect(reply.json["title"] as? String == "Unsupported Media Type")
            let withCharset = try await server.send(
                .put, "/v1/global-sims/\(giccid)/custom-field", json: "{}", headers: [.contentType: "application/json; charset=utf-8"])
            #expect(withCharset.status == .ok)
        }
    }

    @Test(arguments: ["page=-1", "size=0", "size=1001", "page=abc", "size=1.5"])
    func badPagingGives422(query: String) async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/v1/global-sims?\(query)")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errors.first?["resource"] as? String == "query")
            #expect(reply.errors.first?["code"] as? String == "invalid")
        }
    }
}

extension TestServer {
    /// The giccid of the first SIM of the demo enterprise.
    func anySIM() async throws -> String {
        let reply = try await send(.get, "/v1/global-sims?size=1")
        return try #require(reply.items("sims").first?["giccid"] as? String)
    }

    /// The giccid of the first demo SIM in `status`.
    func sim(inStatus status: String) async throws -> String {
        let reply = try await send(.get, "/v1/global-sims?status=\(status)&size=1")
        return try #require(reply.items("sims").first?["giccid"] as? String)
    }
}
