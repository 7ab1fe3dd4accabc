import Hummingbird
import SimCore

/// The rate-plan operations of one SIM: `PUT /global-sims/{giccid}/basicServicePackage` changes
/// its basic plan; `POST /global-sims/{giccid}/servicePackages` orders a supplementary plan.
struct SIMServicePackageController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.put, "global-sims/{giccid}/basicServicePackage") { request, context in
            let giccid = try context.pathParameter("giccid")
            let enterprise = try context.requireEnterprise()
            let body = try await RequestBodyReader.object(of: request, resource: "ServicePackage")
            try body.rejectUnknownKeys(allowed: ["servicePackageName"])
            let name = try body.requiredString("servicePackageName")
            return JSONResponse(SIMResponse(try simulator.changeBasicServicePackage(to: name, giccid: giccid, enterprise: enterprise, source: .api)))
        }
        routes.on(.post, "global-sims/{giccid}/servicePackages") { request, context in
            let giccid = try context.pathParameter("giccid")
            let enterprise = try context.requireEnterprise()
            let body = try await RequestBodyReader.object(of: request, resource: "ServicePackage")
            try body.rejectUnknownKeys(allowed: ["servicePackageName", "effectiveTime"])
            let name = try body.requiredString("servicePackageName")
            let effectiveTime = try body.timestamp("effectiveTime")
            let order = try simulator.subscribeServicePackage(name, effectiveTime: effectiveTime, giccid: giccid, enterprise: enterprise)
            return JSONResponse(SupplementaryOrderCreatedResponse(giccid: giccid, order: order), status: .created)
        }
    }
}
