extension Simulator {
    /// A page of the enterprise's batch jobs, newest first (jobs created in the same second in
    /// `jobId` order), each without its tasks but with their counts; `status` keeps only the jobs
    /// in that status.
    public func batchJobs(status: BatchJob.Status?, page: PageRequest, enterprise: String) throws(SimError) -> Page<BatchJobSummary> {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            let jobs = try world.tenant(enterprise).batchJobs
            let newestFirst = jobs.values
                .filter { status == nil || $0.status == status }
                .sorted { $0.createdTime != $1.createdTime ? $0.createdTime > $1.createdTime : $0.jobId < $1.jobId }
            return Page(slicing: newestFirst, request: page).map(BatchJobSummary.init)
        }
    }
}
