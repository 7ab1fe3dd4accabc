import Foundation
import Hummingbird

/// Refuses a request body that is declared larger than 1 MiB (413; a state document for
/// `PUT /_sim/state` may be larger, see ``StateController``) or is sent with a content type other
/// than JSON (415), before any handler reads it.
struct JSONBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let length = request.headers[.contentLength].flatMap { Int($0) }
        let isStateDocument = request.method == .put && request.uri.path == "/_sim/state"
        if let length, length > RequestBodyReader.maximumBodyBytes, !isStateDocument { throw HTTPProblem.payloadTooLarge }
        let hasBody = (length ?? 0) > 0 || request.headers[.transferEncoding] != nil
        if hasBody, let contentType = request.headers[.contentType], !Self.isJSON(contentType) {
            throw HTTPProblem.unsupportedMediaType(contentType)
        }
        return try await next(request, context)
    }

    /// `application/json` or `application/…+json`, parameters allowed.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }
}
