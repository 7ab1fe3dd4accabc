import Foundation
import Hummingbird
import NIOCore

/// Reads a request body as one JSON object, with the documented answers for what is wrong:
/// 413 over 1 MiB, 400 when it is not JSON or not an object.
public enum RequestBodyReader {
    /// The largest body accepted, in bytes (1 MiB).
    public static let maximumBodyBytes = 1 << 20

    /// The body as a JSON object; a missing or empty body is refused with 400.
    static func object(of request: Request, resource: String) async throws -> JSONObject {
        guard let object = try await optionalObject(of: request, resource: resource) else {
            throw HTTPProblem.badRequest("Body should be a JSON object")
        }
        return object
    }

    /// The whole body, refused with `tooLarge` (413) past `limit` bytes, whether its length was
    /// declared or not.
    static func bytes(
        of request: Request, upTo limit: Int = maximumBodyBytes, tooLarge: HTTPProblem = .payloadTooLarge
    ) async throws -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            // A body without a declared length that runs past the limit.
            throw tooLarge
        }
    }

    /// The body as a JSON object, or nil when there is no body at all. A key repeated within one
    /// object is refused with 400, as the decoder would silently keep only the first.
    static func optionalObject(of request: Request, resource: String) async throws -> JSONObject? {
        let buffer = try await bytes(of: request)
        guard buffer.readableBytes > 0 else { return nil }
        let text = Array(buffer.readableBytesView)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(text))
        } catch {
            throw HTTPProblem.badRequest("Body should be a JSON object")
        }
        guard case .object(let fields) = value else { throw HTTPProblem.badRequest("Body should be a JSON object") }
        if let key = JSONDuplicateKeys.first(in: text) {
            throw HTTPProblem.badRequest("Body should be a JSON object: key '\(key)' appears twice in one object")
        }
        return JSONObject(fields, resource: resource)
    }
}
