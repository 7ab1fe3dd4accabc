import HTTPTypes
import Hummingbird
import SimResources

/// One file of the dashboard (its page, stylesheet or script), embedded in the binary and served
/// with its content type and headers that keep the browser to this server: a content security
/// policy allowing only the server's own files and calls, no content sniffing, no caching of an
/// older build's file.
///
/// ```swift
/// routes.on(.get, "ui") { _, _ in DashboardAsset.page }
/// ```
struct DashboardAsset: ResponseGenerator, Sendable {
    /// The name under `/_sim/ui/`.
    let name: String
    /// The `Content-Type` it is served with.
    let contentType: String
    /// The file's bytes.
    let body: ByteBuffer

    /// The page: `GET /_sim/ui` (also `/_sim/ui/index.html`).
    static let page = DashboardAsset(name: "index.html", contentType: "text/html; charset=utf-8", text: EmbeddedResources.dashboardHTML)
    /// The stylesheet the page links to.
    static let stylesheet = DashboardAsset(name: "dashboard.css", contentType: "text/css; charset=utf-8", text: EmbeddedResources.dashboardCSS)
    /// The script that fills the page from `/v1` and `/_sim`.
    static let script = DashboardAsset(
        name: "dashboard.js", contentType: "text/javascript; charset=utf-8", text: EmbeddedResources.dashboardJavaScript)
    /// Every file of the dashboard.
    static let all = [page, stylesheet, script]

    /// What the browser may load and call: only this server (the page's own files and its API calls).
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// A file of the dashboard with its text.
    init(name: String, contentType: String, text: String) {
        self.name = name
        self.contentType = contentType
        body = ByteBuffer(string: text)
    }

    /// The file called `name`, or nil.
    static func named(_ name: String) -> DashboardAsset? {
        all.first { $0.name == name }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let headers: HTTPFields = [
            .contentType: contentType,
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-cache",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
