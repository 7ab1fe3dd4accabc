import Foundation
import HTTPTypes
import Hummingbird

/// An error that answers with a problem document: thrown by handlers and middleware.
public struct HTTPProblem: Error, HTTPResponseError, Sendable {
    /// The document to send.
    public var problem: Problem
    /// Extra response headers (e.g. `Allow` on 405).
    public var headers: HTTPFields

    /// A problem answer with optional extra headers.
    public init(_ problem: Problem, headers: HTTPFields = [:]) {
        self.problem = problem
        self.headers = headers
    }

    public var status: HTTPResponse.Status { .init(code: problem.status) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        let body = (try? JSONCoding.encoder.encode(problem)) ?? Data()
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// 400 `Bad Request`.
    public static func badRequest(_ detail: String) -> HTTPProblem {
        HTTPProblem(Problem(status: 400, title: "Bad Request", detail: detail))
    }

    /// 401 `Invalid api key` (the documented body, with nothing else).
    public static let invalidAPIKey = HTTPProblem(Problem(status: 401, title: "Invalid api key"))

    /// 401 for the control API when the admin token is missing or wrong.
    public static let invalidAdminToken = HTTPProblem(
        Problem(status: 401, title: "Invalid admin token", detail: "send Authorization: Bearer <admin token>"),
        headers: [.wwwAuthenticate: "Bearer"])

    /// 403 for a request whose `Host` the server does not answer (a defence against DNS rebinding).
    public static func hostNotAllowed(_ host: String?) -> HTTPProblem {
        let named = host.map { "'\($0.prefix(HostAuthority.maximumLength))'" } ?? "a request without Host"
        return HTTPProblem(
            Problem(
                status: 403, title: "Host not allowed",
                detail: "this server does not answer \(named); use localhost or 127.0.0.1, or start it with --allowed-hosts"))
    }

    /// 403 for a request other than GET or HEAD from another site's page.
    public static func crossSiteRequest(_ reason: String) -> HTTPProblem {
        HTTPProblem(
            Problem(
                status: 403, title: "Cross-site request refused",
                detail: "\(reason): calls other than GET and HEAD are taken only from this server's own pages and from non-browser clients")
        )
    }

    /// 404 for a path that names no operation.
    public static func noRoute(_ method: HTTPRequest.Method, _ path: String) -> HTTPProblem {
        HTTPProblem(Problem(status: 404, title: "Not Found", detail: "no operation at \(method.rawValue) \(path)"))
    }

    /// 405 for a known path with another method.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, _ path: String, allowed: [String]) -> HTTPProblem {
        HTTPProblem(
            Problem(
                status: 405, title: "Method Not Allowed",
                detail: "\(method.rawValue) is not allowed on \(path); allowed: \(allowed.joined(separator: ", "))"),
            headers: [.allow: allowed.joined(separator: ", ")])
    }

    /// 413 for a body over the limit.
    public static let payloadTooLarge = HTTPProblem(
        Problem(status: 413, title: "Payload Too Large", detail: "the request body is larger than \(RequestBodyReader.maximumBodyBytes) bytes"))

    /// 415 for a body that is not JSON.
    public static func unsupportedMediaType(_ contentType: String) -> HTTPProblem {
        HTTPProblem(
            Problem(status: 415, title: "Unsupported Media Type", detail: "the body must be application/json, not \(contentType)"))
    }

    /// 422 `Validation Failed` with field errors.
    public static func validationFailed(_ errors: [Problem.FieldError]) -> HTTPProblem {
        HTTPProblem(Problem(status: 422, title: "Validation Failed", errors: errors))
    }

    /// 429 when the enterprise's rate limit is reached.
    public static func tooManyRequests(retryAfterSeconds: Int) -> HTTPProblem {
        HTTPProblem(
            Problem(status: 429, title: "Too Many Requests", detail: "rate limit reached; retry after \(retryAfterSeconds) s"),
            headers: [.retryAfter: String(retryAfterSeconds)])
    }

    /// The status an HTTP fault forces, with its standard title.
    public static func forced(status: Int, faultId: String) -> HTTPProblem {
        let title = HTTPResponse.Status(code: status).reasonPhrase
        return HTTPProblem(Problem(status: status, title: title.isEmpty ? "Error" : title, detail: "forced by fault \(faultId)"))
    }

    /// 500 for an unexpected failure.
    public static func internalError(_ detail: String) -> HTTPProblem {
        HTTPProblem(Problem(status: 500, title: "Internal Server Error", detail: detail))
    }
}
