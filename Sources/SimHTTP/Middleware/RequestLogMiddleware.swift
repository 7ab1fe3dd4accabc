import Hummingbird
import Logging

/// Logs one line per request at info level, once its answer is ready: `http.method`, `http.path`
/// (without the query), `http.status` and `http.duration_ms`, as metadata of the request's logger.
/// Bodies are never logged. When the logger is above info it costs one comparison.
///
/// It is the outermost middleware, so that the duration covers the whole answer and the status is
/// the final one (problem answers included).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.logger.logLevel <= .info else { return try await next(request, context) }
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: Int(response.status.code), since: start, logger: context.logger)
            return response
        } catch {
            log(request, status: (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        let duration = ContinuousClock.now - start
        logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(status),
                "http.duration_ms": .string(Self.milliseconds(duration)),
            ])
    }

    /// `duration` in milliseconds with three decimals (`"1.250"`), without `Double` formatting.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
