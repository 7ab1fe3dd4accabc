import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SimCore
import Testing

@testable import SimHTTP

/// `GET|DELETE /_sim/requests`: the bounded journal of the public API's requests, and the ring itself.
@Suite struct RequestJournalTests {
    // MARK: - Entries

    @Test func anEntryHoldsTheRequestAndItsAnswer() async throws {
        try await TestServer.run { server in
            // Given a SIM found with a query, on a clock moved to 08:15
            let list = try await server.send(.get, "/v1/global-sims?status=ACTIVATED&size=1")
            let giccid = try #require(list.items("sims").first?["giccid"] as? String)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "15m"}"#)
            // When its custom fields are changed
            let body = #"{"custom1": "truck-7"}"#
            let update = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: body)
            #expect(update.status == .ok)
            #expect(update.json["custom1"] as? String == "truck-7")
            // Then the journal holds both requests, oldest first, with every field
            let entries = try await server.journalEntries()
            try #require(entries.count == 2)
            let keys: Set<String> = [
                "id", "time", "method", "path", "query", "status", "enterpriseName",
                "requestBody", "requestBodyTruncated", "responseBody", "responseBodyTruncated",
            ]
            #expect(Set(entries[0].keys) == keys)
            #expect(entries[0]["id"] as? Int == 1)
            #expect(entries[0]["time"] as? String == "2025-03-15T08:00:00+0000")
            #expect(entries[0]["method"] as? String == "GET")
            #expect(entries[0]["path"] as? String == "/v1/global-sims")
            #expect(entries[0]["query"] as? String == "status=ACTIVATED&size=1")
            #expect(entries[0]["status"] as? Int == 200)
            #expect(entries[0]["enterpriseName"] as? String == "Demo IoT Ltd")
            #expect(entries[0]["requestBody"] is NSNull)
            #expect(entries[0]["requestBodyTruncated"] as? Bool == false)
            #expect(entries[0]["responseBody"] as? String == list.text)
            #expect(entries[0]["responseBodyTruncated"] as? Bool == false)
            #expect(entries[1]["id"] as? Int == 2)
            #expect(entries[1]["time"] as? String == "2025-03-15T08:15:00+0000")
            #expect(entries[1]["method"] as? String == "PUT")
            #expect(entries[1]["path"] as? String == "/v1/global-sims/\(giccid)/custom-field")
            #expect(entries[1]["query"] is NSNull)
            #expect(entries[1]["requestBody"] as? String == body)
            #expect(entries[1]["responseBody"] as? String == update.text)
        }
    }

    @Test func problemAnswersAreJournaledWithTheirStatus() async throws {
        try await TestServer.run { server in
            let activated = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.delete, "/_sim/requests", key: nil)
            // When requests are refused: a wrong key, no key, no such path, a wrong method, a business rule
            let wrongKey = try await server.send(.get, "/v1/enterprise", key: "not-a-key")
            let noKey = try await server.send(.get, "/v1/enterprise", key: nil)
            let noPath = try await server.send(.get, "/v1/nowhere")
            let wrongMethod = try await server.send(.delete, "/v1/enterprise")
            let refused = try await server.send(.post, "/v1/global-sims/\(activated)/retire")
            // Then each is journaled with the status and problem body it was answered with
            let entries = try await server.journalEntries()
            #expect(entries.map { $0["status"] as? Int } == [401, 401, 404, 405, 422])
            #expect(entries.map { $0["enterpriseName"] is NSNull } == [true, true, false, false, false])
            #expect(entries[0]["responseBody"] as? String == wrongKey.text)
            #expect(wrongKey.json["title"] as? String == "Invalid api key")
            #expect(entries[1]["responseBody"] as? String == noKey.text)
            #expect(entries[2]["responseBody"] as? String == noPath.text)
            #expect(entries[3]["responseBody"] as? String == wrongMethod.text)
            #expect(entries[4]["responseBody"] as? String == refused.text)
        }
    }

    @Test func aBodyOverOneMebibyteStillGets413AndIsNotKept() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            try await server.send(.delete, "/_sim/requests", key: nil)
            // When a body over the limit is sent
            let huge = #"{"custom1": ""# + String(repeating: "a", count: 1 << 20) + #""}"#
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: huge)
            // Then it gets the documented 413, and the journal keeps the answer but not the body
            #expect(reply.status == .contentTooLarge)
            #expect(reply.json["title"] as? String == "Payload Too Large")
            let entry = try #require(try await server.journalEntries().first)
            #expect(entry["status"] as? Int == 413)
            #expect(entry["requestBody"] is NSNull)
            #expect(entry["requestBodyTruncated"] as? Bool == true)
            #expect(entry["responseBody"] as? String == reply.text)
        }
    }

    @Test func aBodyOfUndeclaredLengthOverOneMebibyteGets413() async throws {
        try await TestServer.run { server in
            // Given a chunked request over the limit, which no middleware can refuse by its declared length
            var head = HTTPRequest(method: .put, scheme: "http", authority: "localhost", path: "/v1/global-sims/8944000000000000001/custom-field")
            head.headerFields = [.apiKey: demoKey, .contentType: "application/json", .transferEncoding: "chunked"]
            let body = ByteBuffer(repeating: UInt8(ascii: "a"), count: RequestBodyReader.maximumBodyBytes + 1)
            let request = Request(head: head, body: RequestBody(buffer: body))
            // When the journal reads it
            let middleware = RequestJournalMiddleware<PlainContext>(journal: server.journal, simulator: server.simulator)
            let response = try await middleware.handle(request, context: PlainContext(source: PlainContext.Source())) { _, _ in
                Issue.record("a body over the limit must not be passed on")
                return Response(status: .ok)
            }
            // Then it answers the documented 413 itself, and journals it without the body
            #expect(response.status == .contentTooLarge)
            let collector = ResponseBodyCollector()
            try await response.body.write(collector.writer)
            #expect(String(buffer: collector.buffer).contains("Payload Too Large"))
            let entry = try #require(server.journal.entries().first)
            #expect(entry.status == 413)
            #expect(entry.requestBody == .notKept)
            #expect(entry.responseBody.text == String(buffer: collector.buffer))
        }
    }

    @Test func controlCallsAreNotJournaled() async throws {
        try await TestServer.run { server in
            // Given calls of the control API only
            try await server.send(.get, "/_sim/health", key: nil)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1m"}"#)
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A"}"#)
            try await server.send(.get, "/_sim/clock", key: demoKey)
            // Then the journal is empty
            #expect(try await server.journalEntries().isEmpty)
            // And a public call is the only entry
            try await server.send(.get, "/v1/enterprise")
            #expect(try await server.journalEntries().map { $0["path"] as? String } == ["/v1/enterprise"])
        }
    }

    // MARK: - Filters

    @Test func filtersByPathMethodAndEnterprise() async throws {
        try await TestServer.run { server in
            // Given requests of the demo enterprise, of a tenant and with no known key
            let tenant = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A"}"#)
            let teamKey = try #require(tenant.json["apiKey"] as? String)
            try await server.send(.get, "/v1/enterprise")
            try await server.send(.get, "/v1/enterprise", key: teamKey)
            try await server.send(.get, "/v1/enterprise", key: "not-a-key")
            try await server.send(.get, "/v1/global-sims?size=1")
            try await server.send(.get, "/v1/account/Fleet%20Prepaid", key: teamKey)
            try await server.send(.post, "/v1/global-sims/8944000000000000001/activate")
            // Then path and method filter exactly, and a path may be given percent-decoded
            #expect(try await server.journalEntries().count == 6)
            #expect(try await server.journalEntries("?path=/v1/enterprise").count == 3)
            #expect(try await server.journalEntries("?path=/v1/enterpris").isEmpty)
            #expect(try await server.journalEntries("?method=POST").map { $0["status"] as? Int } == [404])
            #expect(try await server.journalEntries("?method=GET&path=/v1/global-sims").map { $0["query"] as? String } == ["size=1"])
            #expect(try await server.journalEntries("?path=/v1/account/Fleet%20Prepaid").count == 1)
            #expect(try await server.journalEntries("?path=/v1/account/Fleet%2520Prepaid").count == 1)
            // And an enterprise, by name or by key, sees only its own requests
            let byName = try await server.journalEntries("?enterpriseName=Team%20A")
            #expect(byName.map { $0["path"] as? String } == ["/v1/enterprise", "/v1/account/Fleet%20Prepaid"])
            #expect(try await server.journalEntries("?path=/v1/enterprise", key: teamKey).map { $0["id"] as? Int } == [2])
            #expect(try await server.journalEntries("?enterpriseName=Demo%20IoT%20Ltd").count == 3)
            // And an unknown enterprise is 404, an unknown key 401
            let unknown = try await server.send(.get, "/_sim/requests?enterpriseName=Nobody", key: nil)
            #expect(unknown.status == .notFound)
            #expect(unknown.errors.first?["field"] as? String == "enterpriseName")
            #expect(try await server.send(.get, "/_sim/requests", key: "not-a-key").status == .unauthorized)
        }
    }

    // MARK: - Bounds

    @Test func theRingKeepsOnlyTheNewestEntries() async throws {
        try await TestServer.run(journal: RequestJournal(capacity: 3)) { server in
            // When five requests are made to a journal of three
            for number in 1...5 { try await server.send(.get, "/v1/enterprise?n=\(number)") }
            // Then the last three are kept, numbered on
            let entries = try await server.journalEntries()
            #expect(entries.map { $0["query"] as? String } == ["n=3", "n=4", "n=5"])
            #expect(entries.map { $0["id"] as? Int } == [3, 4, 5])
        }
    }

    @Test func bodiesOverTheLimitAreCutOnACharacterAndFlagged() async throws {
        try await TestServer.run(journal: RequestJournal(bodyLimit: 17)) { server in
            let giccid = try await server.anySIM()
            try await server.send(.delete, "/_sim/requests", key: nil)
            // When a body with two-byte characters crosses the limit (byte 17 is inside the third é)
            let body = #"{"custom1":"ééééé"}"#
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/custom-field", json: body)
            #expect(reply.json["custom1"] as? String == "ééééé")
            // Then the journal keeps whole characters within 17 bytes, and says so
            let entry = try #require(try await server.journalEntries().first)
            #expect(entry["requestBody"] as? String == #"{"custom1":"éé"#)
            #expect(entry["requestBodyTruncated"] as? Bool == true)
            #expect(reply.text.hasPrefix(#"{"custom1":"ééééé""#))
            #expect(entry["responseBody"] as? String == #"{"custom1":"éé"#)
            #expect(entry["responseBodyTruncated"] as? Bool == true)
        }
    }

    // MARK: - Emptying

    @Test func deleteEmptiesTheJournalForOneEnterpriseOrAll() async throws {
        try await TestServer.run { server in
            // Given requests of the demo enterprise and of a tenant
            let tenant = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A"}"#)
            let teamKey = try #require(tenant.json["apiKey"] as? String)
            try await server.send(.get, "/v1/enterprise")
            try await server.send(.get, "/v1/enterprise", key: teamKey)
            try await server.send(.get, "/v1/enterprise", key: nil)
            // When the tenant's entries are deleted
            let scoped = try await server.send(.delete, "/_sim/requests?enterpriseName=Team%20A", key: nil)
            #expect(scoped.status == .noContent)
            // Then the others stay
            #expect(try await server.journalEntries().map { $0["id"] as? Int } == [1, 3])
            // When every entry is deleted
            #expect(try await server.send(.delete, "/_sim/requests", key: nil).status == .noContent)
            // Then the journal is empty, and numbering goes on
            #expect(try await server.journalEntries().isEmpty)
            try await server.send(.get, "/v1/enterprise")
            #expect(try await server.journalEntries().map { $0["id"] as? Int } == [4])
            #expect(try await server.send(.delete, "/_sim/requests?enterpriseName=Nobody", key: nil).status == .notFound)
        }
    }

    @Test func resetEmptiesTheJournal() async throws {
        try await TestServer.run { server in
            // Given a journaled request
            try await server.send(.get, "/v1/enterprise")
            #expect(try await server.journalEntries().count == 1)
            // When the simulator is reset
            try await server.send(.post, "/_sim/reset", key: nil)
            // Then the journal is empty
            #expect(try await server.journalEntries().isEmpty)
        }
    }

    // MARK: - The ring itself

    @Test func theJournalHoldsAtMostItsCapacityOldestFirst() {
        // Given a journal of 1,000 entries
        let journal = RequestJournal()
        #expect(journal.capacity == 1_000)
        #expect(journal.bodyLimit == 4_096)
        // When 2,500 requests are recorded, every other one of the demo enterprise
        for number in 1...2_500 {
            journal.record(Self.entry(query: "n=\(number)", enterpriseName: number.isMultiple(of: 2) ? "Demo IoT Ltd" : nil))
        }
        // Then the newest 1,000 are kept, oldest first
        let entries = journal.entries()
        #expect(entries.map(\.id) == Array(1_501...2_500))
        #expect(entries.first?.query == "n=1501")
        // When the demo enterprise's are removed and 600 more recorded
        journal.removeAll(enterpriseName: "Demo IoT Ltd")
        #expect(journal.entries().map(\.id) == Array(stride(from: 1_501, through: 2_499, by: 2)))
        for number in 2_501...3_100 { journal.record(Self.entry(query: "n=\(number)")) }
        // Then the ring is full again, without the oldest 100
        #expect(journal.entries().map(\.id) == Array(stride(from: 1_701, through: 2_499, by: 2)) + Array(2_501...3_100))
    }

    @Test func aJournalOfNoCapacityKeepsNothing() {
        let journal = RequestJournal(capacity: 0)
        journal.record(Self.entry(query: nil))
        #expect(journal.entries().isEmpty)
    }

    @Test(arguments: [
        (Array("".utf8), 4, nil as String?, false),
        (Array("abcd".utf8), 4, "abcd", false),
        (Array("abcde".utf8), 4, "abcd", true),
        (Array("aéé".utf8), 4, "aé", true),
        (Array("€".utf8), 2, "", true),
        ([0x61, 0xFF, 0x62], 5, "a\u{FFFD}b", false),
        ([0x61, 0xFF, 0x62], 4, "a\u{FFFD}", true),
        (Array(repeating: UInt8(ascii: "x"), count: 10), 3, "xxx", true),
    ])
    func aBodyIsCutToWholeCharactersWithinTheLimit(bytes: [UInt8], limit: Int, text: String?, truncated: Bool) {
        let body = JournalBody(bytes, limit: limit)
        #expect(body.text == text)
        #expect(body.truncated == truncated)
        #expect((body.text?.utf8.count ?? 0) <= limit)
    }

    private static func entry(query: String?, enterpriseName: String? = nil) -> JournalEntry {
        JournalEntry(
            time: Timestamp(secondsSinceEpoch: 0), method: "GET", path: "/v1/enterprise", query: query, status: 200,
            enterpriseName: enterpriseName, requestBody: .empty, responseBody: .empty)
    }
}

extension TestServer {
    /// The entries of `GET /_sim/requests` with `query` (e.g. `?path=/v1/enterprise`), sent with `key`.
    fileprivate func journalEntries(_ query: String = "", key: String? = nil) async throws -> [[String: Any]] {
        let reply = try await send(.get, "/_sim/requests" + query, key: key)
        try #require(reply.status == .ok)
        return reply.items("requests")
    }
}

/// The least request context, to drive a middleware without a router.
private struct PlainContext: RequestContext {
    struct Source: RequestContextSource {
        var logger = Logger(label: "RequestJournalTests")
    }

    var coreContext: CoreRequestContextStorage

    init(source: Source) { coreContext = .init(source: source) }
}
