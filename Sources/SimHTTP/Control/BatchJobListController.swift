import Hummingbird
import SimCore

/// `GET /_sim/batch-jobs`: the enterprise's batch jobs, newest first, with how far each has got
/// (the public API shows only one job at a time, by id).
struct BatchJobListController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "batch-jobs") { request, _ in
            let query = QueryReader(request)
            let page = try simulator.batchJobs(
                status: try query.enumeration("status", BatchJob.Status.self), page: try query.pageRequest(),
                enterprise: try scope.enterprise(of: request))
            return JSONResponse(PagedResponse(page, itemsKey: "batchJobs", transform: BatchJobSummaryResponse.init))
        }
    }
}
