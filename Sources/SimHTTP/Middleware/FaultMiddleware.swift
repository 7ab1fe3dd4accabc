import HTTPTypes
import Hummingbird
import SimCore

/// Applies the enterprise's HTTP faults and rate limit to a request of the public API, after
/// ``APIKeyMiddleware`` has found the enterprise: waits the faults' delay (on `clock`, the machine's
/// clock in production), then
/// answers 429 with `Retry-After` over the rate limit, or the forced status, or serves the request.
/// An observer's read (``Request/isObserverRead``) is served as if no fault were in force.
struct FaultMiddleware: RouterMiddleware {
    let simulator: Simulator
    /// What the delay of a fault is waited on.
    let clock: any Clock<Duration>

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let enterprise = context.enterpriseName, !request.isObserverRead else { return try await next(request, context) }
        let action = simulator.httpFaultAction(method: request.method.rawValue, path: request.uri.path, enterprise: enterprise)
        if action.isNone { return try await next(request, context) }
        if let delay = action.delay, delay > .zero { try await clock.sleep(for: .milliseconds(delay.milliseconds)) }
        if let retryAfter = action.retryAfterSeconds { throw HTTPProblem.tooManyRequests(retryAfterSeconds: retryAfter) }
        if let status = action.status { throw HTTPProblem.forced(status: status, faultId: action.faultId ?? "") }
        return try await next(request, context)
    }
}
