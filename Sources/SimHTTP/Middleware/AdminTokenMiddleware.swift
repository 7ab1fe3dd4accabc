import Hummingbird

/// When the server has an admin token, the control API needs `Authorization: Bearer <token>`.
struct AdminTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.headers[.authorization] == "Bearer \(token)" else { throw HTTPProblem.invalidAdminToken }
        return try await next(request, context)
    }
}
