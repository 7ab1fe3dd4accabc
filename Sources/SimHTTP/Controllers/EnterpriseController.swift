import Hummingbird
import SimCore

/// `GET /enterprise`, `GET /account/{name}`, `GET /{accountName}/servicePackages`.
struct EnterpriseController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "enterprise") { _, context in
            JSONResponse(EnterpriseResponse(try simulator.enterpriseProfile(try context.requireEnterprise())))
        }
        routes.on(.get, "account/{name}") { _, context in
            let profile = try simulator.account(named: try context.pathParameter("name"), enterprise: try context.requireEnterprise())
            return JSONResponse(AccountResponse(profile))
        }
        routes.on(.get, "{accountName}/servicePackages") { request, context in
            let page = try simulator.servicePackages(
                ofAccount: try context.pathParameter("accountName"), enterprise: try context.requireEnterprise(),
                page: try QueryReader(request).pageRequest())
            return JSONResponse(PagedResponse(page, itemsKey: "servicePackages", transform: ServicePackageResponse.init))
        }
    }
}
