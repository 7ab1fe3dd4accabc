import Hummingbird

/// Answers only requests whose `Host` is on the server's allow-list (``HostAllowList``), on every
/// path: a web page that rebinds its own name to this machine's address gets a 403 problem and
/// reads nothing. A request with two `Host` headers is refused too.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let hosts: HostAllowList

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if hosts.allowsEveryHost { return try await next(request, context) }
        let host = request.head.authority
        // The first Host header becomes the authority; a second one stays among the fields.
        guard hosts.allows(hostHeader: host), request.headers[.extraHost] == nil else {
            return try HTTPProblem.hostNotAllowed(host).response(from: request, context: context)
        }
        return try await next(request, context)
    }
}
