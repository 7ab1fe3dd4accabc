import Hummingbird
import SimCore

/// The batch API: `POST /batchJobs/global-sims/{activate|deactivate|retire|basicServicePackage}`
/// stores a job; `GET /batchJobs/{jobId}` shows it with a page of its tasks.
struct BatchJobController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let kinds: [(path: String, kind: BatchJob.Kind)] = [
            ("activate", .activate), ("deactivate", .deactivate), ("retire", .retire), ("basicServicePackage", .modifyQuotaPlan),
        ]
        for (path, kind) in kinds {
            routes.on(.post, "batchJobs/global-sims/\(path)") { request, context in
                let enterprise = try context.requireEnterprise()
                let body = try await RequestBodyReader.object(of: request, resource: "BatchJob")
                let job = try simulator.submitBatchJob(try Self.read(body, kind: kind), enterprise: enterprise)
                return JSONResponse(JobCreatedResponse(jobId: job.jobId), status: .created)
            }
        }
        routes.on(.get, "batchJobs/{jobId}") { request, context in
            let page = try simulator.batchJob(
                try context.pathParameter("jobId"), enterprise: try context.requireEnterprise(), page: try QueryReader(request).pageRequest())
            return JSONResponse(BatchJobResponse(page))
        }
    }

    /// Reads `{"giccids": […]}` (plus `servicePackageName` for a plan change).
    private static func read(_ body: JSONObject, kind: BatchJob.Kind) throws -> BatchJobRequest {
        try body.rejectUnknownKeys(allowed: kind == .modifyQuotaPlan ? ["giccids", "servicePackageName"] : ["giccids"])
        guard let giccids = try body.strings("giccids") else { throw body.missing("giccids") }
        return BatchJobRequest(kind: kind, giccids: giccids, servicePackageName: try body.string("servicePackageName"))
    }
}
