import Hummingbird
import SimCore

/// `GET|DELETE /_sim/requests`: the journal of the requests the public API received.
///
/// With `enterpriseName` or an `X-API-Key` a call concerns that enterprise's requests only; with
/// neither, every request (those without a known key included).
struct RequestJournalController {
    let simulator: Simulator
    let journal: RequestJournal

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "requests") { request, _ in
            let query = QueryReader(request)
            let entries = journal.entries(
                path: query.string("path"), method: query.string("method"), enterpriseName: try scope.namedEnterprise(of: request))
            return JSONResponse(RequestListResponse(requests: entries.map(JournalEntryResponse.init)))
        }
        routes.on(.delete, "requests") { request, _ in
            journal.removeAll(enterpriseName: try scope.namedEnterprise(of: request))
            return Response(status: .noContent)
        }
    }
}

/// `{"requests": […]}`: the journal, oldest first.
struct RequestListResponse: Encodable, Sendable {
    let requests: [JournalEntryResponse]
}

/// The wire form of a journal entry; every key is always present.
struct JournalEntryResponse: Encodable, Sendable {
    let entry: JournalEntry

    init(_ entry: JournalEntry) { self.entry = entry }

    private enum CodingKeys: String, CodingKey {
        case id, time, method, path, query, status, enterpriseName
        case requestBody, requestBodyTruncated, responseBody, responseBodyTruncated
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id, forKey: .id)
        try container.encode(entry.time.smarthubString, forKey: .time)
        try container.encode(entry.method, forKey: .method)
        try container.encode(entry.path, forKey: .path)
        try container.encode(entry.query, forKey: .query)
        try container.encode(entry.status, forKey: .status)
        try container.encode(entry.enterpriseName, forKey: .enterpriseName)
        let requestBody = entry.requestBody.read()
        try container.encode(requestBody.text, forKey: .requestBody)
        try container.encode(requestBody.truncated, forKey: .requestBodyTruncated)
        let responseBody = entry.responseBody.read()
        try container.encode(responseBody.text, forKey: .responseBody)
        try container.encode(responseBody.truncated, forKey: .responseBodyTruncated)
    }
}
