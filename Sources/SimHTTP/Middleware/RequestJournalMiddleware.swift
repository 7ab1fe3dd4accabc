import Hummingbird
import NIOCore
import SimCore

/// Records each request of the public API (`/v1`) in a ``RequestJournal``, with the status and body
/// of its answer.
///
/// It sits outside ``ProblemMiddleware``, so it sees the final answer of every failure (401, 404,
/// 405, 413, 422, …). It reads the request body (up to the 1 MiB limit) and passes the request on
/// with the body in memory; it reads a response body of known length up to 1 MiB and sends the
/// same bytes on. A body over 1 MiB, or a response body of unknown length, is recorded as not kept.
/// A journal of no capacity costs nothing: requests pass straight through, as do observers' reads
/// (``Request/isObserverRead``).
struct RequestJournalMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The largest response body read for the journal.
    static var maximumResponseBytesRead: Int { 1 << 20 }

    let journal: RequestJournal
    let simulator: Simulator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard journal.capacity > 0, Self.isPublicAPI(request.uri.path), !request.isObserverRead else {
            return try await next(request, context)
        }
        let enterpriseName = request.headers[.apiKey].flatMap { simulator.enterpriseName(forAPIKey: $0) }
        var entry = JournalEntry(
            time: simulator.clockReading(for: enterpriseName).now, method: request.method.rawValue, path: request.uri.path,
            query: request.uri.query, status: 0, enterpriseName: enterpriseName, requestBody: .empty, responseBody: .notKept)
        do {
            var response = try await answer(request, context: context, next: next, requestBody: &entry.requestBody)
            entry.status = Int(response.status.code)
            entry.responseBody = try await readBody(of: &response)
            journal.record(entry)
            return response
        } catch {
            entry.status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            journal.record(entry)
            throw error
        }
    }

    /// `/v1` and everything under it.
    static func isPublicAPI(_ path: String) -> Bool {
        path == "/v1" || path.hasPrefix("/v1/")
    }

    /// Reads the request body into memory, then lets the next responder answer.
    private func answer(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response, requestBody: inout JournalBody
    ) async throws -> Response {
        let limit = RequestBodyReader.maximumBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            // Refused with 413 before anyone reads it.
            requestBody = .notKept
            return try await next(request, context)
        }
        var request = request
        do {
            let bytes = try await request.collectBody(upTo: limit)
            requestBody = JournalBody(bytes.readableBytesView, limit: journal.bodyLimit)
        } catch is NIOTooManyBytesError {
            // A body of undeclared length that goes over the limit: the answer a handler would give.
            requestBody = .notKept
            return try HTTPProblem.payloadTooLarge.response(from: request, context: context)
        }
        return try await next(request, context)
    }

    /// The response body as the journal keeps it; a body that was read is replaced by its bytes.
    private func readBody(of response: inout Response) async throws -> JournalBody {
        guard let length = response.body.contentLength, length <= Self.maximumResponseBytesRead else { return .notKept }
        guard length > 0 else { return .empty }
        let collector = ResponseBodyCollector()
        try await response.body.write(collector.writer)
        response.body = collector.body
        return JournalBody(collector.buffer.readableBytesView, limit: journal.bodyLimit)
    }
}
