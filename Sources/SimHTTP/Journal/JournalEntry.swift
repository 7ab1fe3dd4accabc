import SimCore

/// One request of the public API as the journal keeps it, with the answer it got.
///
/// ```swift
/// JournalEntry(
///     id: 1, time: now, method: "GET", path: "/v1/global-sims", query: "status=ACTIVATED", status: 200,
///     enterpriseName: "Demo IoT Ltd", requestBody: .empty, responseBody: JournalBody(responseBytes, limit: 4096))
/// ```
public struct JournalEntry: Equatable, Sendable {
    /// The sequence number: each entry's is greater than the one before.
    public var id: Int
    /// When the request arrived, on the simulator clock.
    public var time: Timestamp
    /// The HTTP method (`GET`, `POST`, …).
    public var method: String
    /// The path as received, without the query.
    public var path: String
    /// The raw query string; nil when the request had none.
    public var query: String?
    /// The HTTP status answered.
    public var status: Int
    /// The enterprise of the `X-API-Key`; nil when the key was missing or unknown.
    public var enterpriseName: String?
    /// The request body.
    public var requestBody: JournalBody
    /// The response body.
    public var responseBody: JournalBody

    /// An entry; ``RequestJournal`` numbers it when it records it.
    public init(
        id: Int = 0, time: Timestamp, method: String, path: String, query: String?, status: Int, enterpriseName: String?,
        requestBody: JournalBody, responseBody: JournalBody
    ) {
        self.id = id
        self.time = time
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.enterpriseName = enterpriseName
        self.requestBody = requestBody
        self.responseBody = responseBody
    }
}
