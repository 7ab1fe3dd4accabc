import Hummingbird

/// Refuses requests other than GET and HEAD that a browser sends for another site's page: those
/// with an `Origin` that is not the server's own (its host and port, compared with the request's
/// `Host`), or with `Sec-Fetch-Site: cross-site`. A page can send a "simple" cross-site POST
/// (`Content-Type: text/plain`) without the browser asking first, and without an admin token the
/// control API needs nothing else. It applies to every path, since the router also routes spellings
/// such as `//_sim/reset`; the public API loses nothing by it (it answers no cross-origin browser
/// call: its `X-API-Key` makes the browser ask first, and the server grants nothing). Non-browser
/// clients send neither header and pass.
struct CrossSiteRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get && request.method != .head, let reason = Self.refusal(of: request) {
            return try HTTPProblem.crossSiteRequest(reason).response(from: request, context: context)
        }
        return try await next(request, context)
    }

    /// Why `request` comes from another site, or nil when it does not.
    static func refusal(of request: Request) -> String? {
        if let site = request.headers[.secFetchSite], site.lowercased() == "cross-site" {
            return "Sec-Fetch-Site is cross-site"
        }
        guard let origin = request.headers[.origin] else { return nil }
        let own = request.head.authority.flatMap { HostAuthority(parsing: $0) }?.withHTTPDefaultPort
        guard let own, let from = HostAuthority(origin: origin), from == own else {
            return "Origin '\(origin.prefix(HostAuthority.maximumLength))' is not this server"
        }
        return nil
    }
}
