import Hummingbird
import SimCore

/// Finds the enterprise of the `X-API-Key` header, or answers 401 `Invalid api key`.
struct APIKeyMiddleware: RouterMiddleware {
    let simulator: Simulator

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let key = request.headers[.apiKey], let enterprise = simulator.enterpriseName(forAPIKey: key) else {
            throw HTTPProblem.invalidAPIKey
        }
        var context = context
        context.enterpriseName = enterprise
        return try await next(request, context)
    }
}
