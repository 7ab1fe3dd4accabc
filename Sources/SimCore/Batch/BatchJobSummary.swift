/// A batch job without its tasks, with how far it has got: what a list of jobs shows.
///
/// ```swift
/// let summary = BatchJobSummary(job)
/// print("\(summary.successCount + summary.failCount) of \(summary.taskCount) done")
/// ```
public struct BatchJobSummary: Equatable, Sendable {
    public var jobId: String
    public var kind: BatchJob.Kind
    public var status: BatchJob.Status
    public var createdTime: Timestamp
    /// When the last task ended; nil while the job is processing.
    public var finishedTime: Timestamp?
    /// The target plan of a `MODIFY_QUOTA_PLAN` job.
    public var servicePackageName: String?
    /// How many SIMs the job concerns.
    public var taskCount: Int
    /// Tasks that have not run yet.
    public var pendingCount: Int
    /// Tasks that ran and changed their SIM.
    public var successCount: Int
    /// Tasks that ran and were refused.
    public var failCount: Int

    /// The summary of `job`, counting its tasks by status.
    public init(_ job: BatchJob) {
        jobId = job.jobId
        kind = job.kind
        status = job.status
        createdTime = job.createdTime
        finishedTime = job.finishedTime
        servicePackageName = job.servicePackageName
        taskCount = job.tasks.count
        var counts: [BatchTask.Status: Int] = [:]
        for task in job.tasks { counts[task.status, default: 0] += 1 }
        pendingCount = counts[.pending] ?? 0
        successCount = counts[.success] ?? 0
        failCount = counts[.fail] ?? 0
    }
}
