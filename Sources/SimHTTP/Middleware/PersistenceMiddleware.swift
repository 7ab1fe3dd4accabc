import Hummingbird
import SimStore

/// With `--data-dir`: saves what a request changed before its answer leaves, so that an answered
/// change survives a crash. A save that fails turns the answer into a 503 problem (the change is
/// in memory, not on disk).
struct PersistenceMiddleware<Context: RequestContext>: RouterMiddleware {
    let saver: WorldSaver

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        do {
            try saver.save()
        } catch {
            context.logger.error("the world could not be saved", metadata: ["error": "\(error)"])
            return try HTTPProblem(Problem(status: 503, title: "Service Unavailable", detail: "the change could not be saved: \(error)"))
                .response(from: request, context: context)
        }
        return response
    }
}
