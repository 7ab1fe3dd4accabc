/// An asynchronous job over many SIMs: the POST stores it, the scheduler runs its tasks one by
/// one at the enterprise's pace, and it is `FINISHED` once every task has ended.
public struct BatchJob: Equatable, Sendable, Codable {
    /// What the job does to each SIM (the documented `type` values).
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case activate = "ACTIVATE"
        case deactivate = "DEACTIVATE"
        case retire = "RETIRE"
        /// Change of the basic rate plan.
        case modifyQuotaPlan = "MODIFY_QUOTA_PLAN"

        /// The state-machine action of the status-changing kinds.
        var action: SIMAction? {
            switch self {
            case .activate: .activate
            case .deactivate: .deactivate
            case .retire: .retire
            case .modifyQuotaPlan: nil
            }
        }
    }

    /// `PROCESSING` until every task has ended, then `FINISHED`.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case processing = "PROCESSING"
        case finished = "FINISHED"
    }

    public var jobId: String
    public var kind: Kind
    public var status: Status
    public var createdTime: Timestamp
    /// When the last task ended.
    public var finishedTime: Timestamp?
    /// The target plan of a `MODIFY_QUOTA_PLAN` job.
    public var servicePackageName: String?
    /// One task per SIM, in the order given.
    public var tasks: [BatchTask]
    /// The index of the next task to run.
    public var nextTaskIndex: Int

    /// A new job with every task pending.
    public init(jobId: String, kind: Kind, createdTime: Timestamp, servicePackageName: String?, tasks: [BatchTask]) {
        self.jobId = jobId
        self.kind = kind
        self.status = .processing
        self.createdTime = createdTime
        self.finishedTime = nil
        self.servicePackageName = servicePackageName
        self.tasks = tasks
        self.nextTaskIndex = 0
    }
}

/// The part of a batch job that concerns one SIM.
public struct BatchTask: Equatable, Sendable, Codable {
    /// `PENDING` until the task runs, then `SUCCESS` or `FAIL`.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case pending = "PENDING"
        case success = "SUCCESS"
        case fail = "FAIL"
    }

    public var giccid: String
    /// The SIM's basic plan: the target plan for a plan change, else the plan the SIM had.
    public var basicServicePackageName: String?
    public var status: Status
    /// Why the task failed.
    public var errorMessage: String?

    /// A pending task for one SIM.
    public init(giccid: String, basicServicePackageName: String?) {
        self.giccid = giccid
        self.basicServicePackageName = basicServicePackageName
        self.status = .pending
        self.errorMessage = nil
    }
}
