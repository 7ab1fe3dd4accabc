import Hummingbird
import SimStore

/// With `--data-dir`: answers only once what a request changed is on disk (written with the
/// changes of concurrent requests, in one transaction). When the write fails, the change is undone
/// and the answer is a 503 problem; while the data folder cannot be written, requests that may
/// change the world are refused with a 503 before they run (reads are still answered).
struct PersistenceMiddleware<Context: RequestContext>: RouterMiddleware {
    let saver: WorldSaver

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let reads = request.method == .get || request.method == .head
        if saver.isUnavailable {
            let recovered = reads ? false : await saver.recover()
            guard reads || recovered else {
                return try unavailable(
                    request, context,
                    detail: "the data folder cannot be written (\(saver.failureDescription ?? "unknown error")); no change is accepted until it can")
            }
            if reads { return try await next(request, context) }
        }
        let response = try await next(request, context)
        do {
            try await saver.save()
        } catch {
            context.logger.error("the world could not be saved", metadata: ["error": "\(error)"])
            return try unavailable(request, context, detail: "the change could not be saved and was undone: \(error)")
        }
        return response
    }

    private func unavailable(_ request: Request, _ context: Context, detail: String) throws -> Response {
        try HTTPProblem(Problem(status: 503, title: "Service Unavailable", detail: detail)).response(from: request, context: context)
    }
}
