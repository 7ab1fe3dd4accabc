import Hummingbird
import SimCore

/// `GET /sharePools` (paged, in name order) and `GET /sharePools/{poolName}`.
struct SharePoolController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "sharePools") { request, context in
            let page = try simulator.sharePools(page: try QueryReader(request).pageRequest(), enterprise: try context.requireEnterprise())
            return JSONResponse(PagedResponse(page, itemsKey: "sharePools", transform: SharePoolResponse.init))
        }
        routes.on(.get, "sharePools/{poolName}") { _, context in
            let summary = try simulator.sharePool(named: try context.pathParameter("poolName"), enterprise: try context.requireEnterprise())
            return JSONResponse(SharePoolResponse(summary))
        }
    }
}
