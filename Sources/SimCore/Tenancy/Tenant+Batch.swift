extension Tenant {
    /// Stores a batch job with every task pending, holding its SIMs until their tasks run, and,
    /// when no other job is queued, schedules its first task.
    mutating func submitBatchJob(_ request: BatchJobRequest, at now: Timestamp) throws(SimError) -> BatchJob {
        try request.validateList()
        var targetPlan: String?
        if request.kind == .modifyQuotaPlan {
            guard let name = request.servicePackageName else {
                throw .rejected(
                    "BatchJob", field: "servicePackageName", code: .missingField,
                    message: "servicePackageName is required to change the basic service package")
            }
            targetPlan = try basicServicePackage(named: name).name
        }
        let jobId = identifiers.nextHexId()
        let tasks = request.giccids.map { giccid in
            BatchTask(giccid: giccid, basicServicePackageName: targetPlan ?? sims.sim(iccid: giccid)?.basicServicePackageName)
        }
        for giccid in request.giccids where sims.containsICCID(giccid) { batchHolds[giccid, default: []].append(jobId) }
        let job = BatchJob(jobId: jobId, kind: request.kind, createdTime: now, servicePackageName: targetPlan, tasks: tasks)
        batchJobs[jobId] = job
        changedBatchJobIds.insert(jobId)
        batchQueue.append(jobId)
        if batchQueue.count == 1 { schedule(.batchStep(jobId: jobId), at: now.adding(settings.batchStartDelay)) }
        return job
    }

    /// Runs the next task of the running job `jobId`, and schedules the next step: the same job's
    /// next task, or the first task of the next queued job once this one has finished.
    mutating func runBatchStep(jobId: String, at time: Timestamp) {
        // Read what the step needs without keeping a copy of the job alive, so that the
        // in-place updates below never copy its task list.
        let step: (kind: BatchJob.Kind, index: Int, giccid: String, plan: String?, taskCount: Int)? = {
            guard batchQueue.first == jobId, let job = batchJobs[jobId], job.status == .processing else { return nil }
            return (job.kind, job.nextTaskIndex, job.tasks[job.nextTaskIndex].giccid, job.servicePackageName, job.tasks.count)
        }()
        guard let step else { return }
        releaseBatchHold(of: step.giccid, by: jobId)
        changedBatchJobIds.insert(jobId)
        let failure = runBatchTask(step.kind, giccid: step.giccid, plan: step.plan, jobId: jobId, at: time)
        batchJobs[jobId]!.tasks[step.index].status = failure == nil ? .success : .fail
        batchJobs[jobId]!.tasks[step.index].errorMessage = failure
        batchJobs[jobId]!.nextTaskIndex = step.index + 1
        if step.index + 1 < step.taskCount {
            schedule(.batchStep(jobId: jobId), at: time.adding(settings.batchTaskInterval))
            return
        }
        batchJobs[jobId]!.status = .finished
        batchJobs[jobId]!.finishedTime = time
        batchQueue.removeFirst()
        if let next = batchQueue.first { schedule(.batchStep(jobId: next), at: time.adding(settings.batchStartDelay)) }
    }

    /// The job holding this SIM with a pending task, if any.
    func batchJobHolding(_ giccid: String) -> String? {
        batchHolds[giccid]?.first
    }

    /// Refuses a single-SIM change of a SIM that a pending batch task holds.
    func ensureNotHeldByBatchJob(_ giccid: String) throws(SimError) {
        if let jobId = batchJobHolding(giccid) {
            throw .rejected(
                "SIM", field: "status", code: .illegalStatus,
                message: "Illegal SIM state, the SIM is held by batch job \(jobId) until its task has run")
        }
    }

    /// Applies one task's change; nil on success, else the error message of the task.
    private mutating func runBatchTask(_ kind: BatchJob.Kind, giccid: String, plan: String?, jobId: String, at time: Timestamp) -> String? {
        do {
            if let action = kind.action {
                _ = try apply(action, toSIM: giccid, at: time, source: .batch, jobId: jobId)
            } else if let plan {
                _ = try changeBasicServicePackage(ofSIM: giccid, to: plan, at: time, source: .batch)
            }
            return nil
        } catch {
            guard error.category != .notFound else { return "SIM \(giccid) not found" }
            return error.issues.first?.message ?? "the change was refused"
        }
    }

    private mutating func releaseBatchHold(of giccid: String, by jobId: String) {
        guard let index = batchHolds[giccid]?.firstIndex(of: jobId) else { return }
        batchHolds[giccid]!.remove(at: index)
        if batchHolds[giccid]!.isEmpty { batchHolds[giccid] = nil }
    }
}
