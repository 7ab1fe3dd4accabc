import Hummingbird
import Logging
import SimCore

/// Turns every failure into the documented problem JSON: domain errors, Hummingbird's own
/// errors (its 404 for a known path with the wrong method becomes 405), and anything unexpected
/// (500, logged).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let catalog: RouteCatalog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as HTTPProblem {
            return try problem.response(from: request, context: context)
        } catch let error as SimError {
            return try error.httpProblem.response(from: request, context: context)
        } catch let error as HTTPError {
            return try problem(for: error, request: request).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)", "http.path": "\(request.uri.path)"])
            return try HTTPProblem.internalError("an unexpected error occurred").response(from: request, context: context)
        }
    }

    private func problem(for error: HTTPError, request: Request) -> HTTPProblem {
        switch error.status {
        case .notFound:
            let allowed = catalog.allowedMethods(forPath: request.uri.path)
            return allowed.isEmpty
                ? .noRoute(request.method, request.uri.path) : .methodNotAllowed(request.method, request.uri.path, allowed: allowed)
        case .contentTooLarge:
            return .payloadTooLarge
        case .badRequest:
            return .badRequest(error.body ?? "Body should be a JSON object")
        default:
            return HTTPProblem(Problem(status: Int(error.status.code), title: error.status.reasonPhrase, detail: error.body))
        }
    }
}
