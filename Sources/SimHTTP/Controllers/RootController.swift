import Hummingbird
import SimCore
import SimResources

/// `GET /v1/` (the endpoint groups as links) and `GET /v1/openapi.yaml` (the contract).
struct RootController {
    /// The link names of the root document and their paths under the base URL.
    static let links: [(name: String, path: String)] = [
        ("enterprise_url", "/v1/enterprise"),
        ("account_url", "/v1/account/{name}"),
        ("service_packages_url", "/v1/{accountName}/servicePackages"),
        ("global_sims_url", "/v1/global-sims"),
        ("sim_url", "/v1/global-sims/{giccid}"),
        ("change_logs_url", "/v1/global-sims/changeLogs"),
        ("custom_field_url", "/v1/global-sims/{giccid}/custom-field"),
        ("batch_jobs_url", "/v1/batchJobs/{jobId}"),
        ("mt_sms_url", "/v1/mt-sms"),
        ("share_pools_url", "/v1/sharePools"),
        ("country_statistics_url", "/v1/global-sims/statistics/countries"),
        ("openapi_url", "/v1/openapi.yaml"),
    ]

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "") { request, _ in
            let base = request.head.authority.map { "http://\($0)" } ?? ""
            return JSONResponse(Dictionary(uniqueKeysWithValues: Self.links.map { ($0.name, base + $0.path) }))
        }
    }

    /// The spec route, outside the API-key group.
    func registerSpec(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "openapi.yaml") { _, _ in YAMLDocument(text: EmbeddedResources.smarthubOpenAPIYAML) }
    }
}

/// A YAML text response.
struct YAMLDocument: ResponseGenerator {
    let text: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
