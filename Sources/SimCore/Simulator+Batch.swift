/// A batch job with one page of its tasks (`GET /batchJobs/{jobId}`).
public struct BatchJobPage: Equatable, Sendable {
    /// The job; its `tasks` hold only the page's tasks.
    public var job: BatchJob
    /// The page of tasks, with the job's task count as total.
    public var tasks: Page<BatchTask>
}

extension Simulator {
    /// Stores a batch job; its tasks run later, on the clock, at the enterprise's pace.
    /// - Throws: `invalid` for an empty list, more than 10,000 SIMs or a repeated giccid, and for
    ///   a missing or non-basic target plan of a plan change. Unknown SIMs fail as tasks.
    public func submitBatchJob(_ request: BatchJobRequest, enterprise: String) throws(SimError) -> BatchJob {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in try tenant.submitBatchJob(request, at: now) }
        }
    }

    /// A batch job with one page of its tasks, in the order they were given.
    public func batchJob(_ jobId: String, enterprise: String, page: PageRequest) throws(SimError) -> BatchJobPage {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            guard var job = try world.tenant(enterprise).batchJobs[jobId] else { throw .notFound("BatchJob", field: "jobId") }
            let tasks = Page(slicing: job.tasks, request: page)
            job.tasks = tasks.items
            return BatchJobPage(job: job, tasks: tasks)
        }
    }

    /// The enterprise's settings.
    public func settings(enterprise: String) throws(SimError) -> EnterpriseSettings {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).settings }
    }

    /// Replaces the enterprise's settings; they apply to work scheduled from now on.
    public func updateSettings(_ settings: EnterpriseSettings, enterprise: String) throws(SimError) -> EnterpriseSettings {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                tenant.settings = settings
                return settings
            }
        }
    }
}
