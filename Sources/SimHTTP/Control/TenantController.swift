import Hummingbird
import SimCore

/// `GET|POST /_sim/enterprises` and `DELETE /_sim/enterprises/{name}`: tenants for parallel tests.
struct TenantController {
    let simulator: Simulator
    /// How the key of a tenant created without `apiKey` is made.
    var keyPolicy: TenantKeyPolicy = .deterministic

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "enterprises") { _, _ in
            JSONResponse(EnterpriseListResponse(enterprises: simulator.enterprises().map(ListedEnterpriseResponse.init)))
        }
        routes.on(.post, "enterprises") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Enterprise")
            try body.rejectUnknownKeys(allowed: ["name", "apiKey", "seed"])
            let enterprise = try simulator.createEnterprise(
                named: try body.requiredString("name"), apiKey: try body.string("apiKey") ?? keyPolicy.newKey(),
                template: try body.enumeration("seed", TenantTemplate.self) ?? .default)
            return JSONResponse(CreatedEnterpriseResponse(name: enterprise.name, apiKey: enterprise.apiKey), status: .created)
        }
        routes.on(.delete, "enterprises/{name}") { _, context in
            try simulator.deleteEnterprise(named: try context.pathParameter("name"))
            return Response(status: .noContent)
        }
    }
}
