import Hummingbird
import SimCore

/// `GET|POST /_sim/enterprises` and `DELETE /_sim/enterprises/{name}`: tenants for parallel tests.
struct TenantController {
    let simulator: Simulator
    /// How the key of a tenant created without `apiKey` is made.
    var keyPolicy: TenantKeyPolicy = .deterministic

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "enterprises") { _, _ in
            JSONResponse(EnterpriseListResponse(enterprises: simulator.listedEnterprises().map(ListedEnterpriseResponse.init)))
        }
        routes.on(.post, "enterprises") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Enterprise")
            try body.rejectUnknownKeys(allowed: ["name", "apiKey", "seed", "withGeneratedSims", "clock", "start", "mode", "scale"])
            let enterprise = try simulator.createEnterprise(
                named: try body.requiredString("name"), apiKey: try body.string("apiKey") ?? keyPolicy.newKey(),
                template: try body.enumeration("seed", TenantTemplate.self) ?? .default,
                withGeneratedSIMs: try body.boolean("withGeneratedSims") ?? false, ownClock: try Self.ownClock(in: body))
            return JSONResponse(CreatedEnterpriseResponse(name: enterprise.name, apiKey: enterprise.apiKey), status: .created)
        }
        routes.on(.delete, "enterprises/{name}") { _, context in
            try simulator.deleteEnterprise(named: try context.pathParameter("name"))
            return Response(status: .noContent)
        }
    }

    /// The own clock a creation asks for (`"clock":"own"` with `start`, `mode`, `scale`); nil for
    /// `"shared"` (the default), which takes none of those.
    static func ownClock(in body: JSONObject) throws -> OwnClockDeclaration? {
        let kind = try body.enumeration("clock", EnterpriseClockKind.self) ?? .shared
        let start = try body.timestamp("start")
        let mode = try body.enumeration("mode", ClockMode.self)
        let scale = try body.number("scale")
        guard kind == .own else {
            if start != nil || mode != nil || scale != nil {
                throw body.invalid(start != nil ? "start" : mode != nil ? "mode" : "scale", "start, mode and scale go with \"clock\": \"own\"")
            }
            return nil
        }
        return OwnClockDeclaration(start: start, mode: mode ?? .manual, scale: scale ?? 1)
    }
}

/// Whether an enterprise shares the world clock or owns one (`clock` in `POST /_sim/enterprises`).
enum EnterpriseClockKind: String, CaseIterable {
    /// Lives by the world clock.
    case shared
    /// Lives by a clock of its own.
    case own
}
