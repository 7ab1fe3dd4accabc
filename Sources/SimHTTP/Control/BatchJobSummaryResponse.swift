import SimCore

/// The wire form of a batch job in the control API's list: the public API's job fields without
/// the tasks, plus the counts of its tasks by status.
struct BatchJobSummaryResponse: Encodable, Sendable {
    let summary: BatchJobSummary

    init(_ summary: BatchJobSummary) { self.summary = summary }

    private enum Key: String, CodingKey {
        case jobId, type, status, createdTime, finishedTime, servicePackageName, taskCount, pendingCount, successCount, failCount
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(summary.jobId, forKey: .jobId)
        try container.encode(summary.kind.rawValue, forKey: .type)
        try container.encode(summary.status.rawValue, forKey: .status)
        try container.encode(summary.createdTime.smarthubString, forKey: .createdTime)
        try container.encode(summary.finishedTime?.smarthubString, forKey: .finishedTime)
        try container.encode(summary.servicePackageName, forKey: .servicePackageName)
        try container.encode(summary.taskCount, forKey: .taskCount)
        try container.encode(summary.pendingCount, forKey: .pendingCount)
        try container.encode(summary.successCount, forKey: .successCount)
        try container.encode(summary.failCount, forKey: .failCount)
    }
}
