import SimCore

/// `{"jobId": "…"}`: the answer to a batch POST.
struct JobCreatedResponse: Encodable, Sendable {
    let jobId: String
}

/// The wire form of a batch job with one page of tasks (the documented example's shape).
struct BatchJobResponse: Encodable, Sendable {
    let page: BatchJobPage

    init(_ page: BatchJobPage) { self.page = page }

    private enum Key: String, CodingKey {
        case jobId, type, status, createdTime, tasks, page, size, total
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(page.job.jobId, forKey: .jobId)
        try container.encode(page.job.kind.rawValue, forKey: .type)
        try container.encode(page.job.status.rawValue, forKey: .status)
        try container.encode(page.job.createdTime.smarthubString, forKey: .createdTime)
        try container.encode(page.tasks.items.map(BatchTaskResponse.init), forKey: .tasks)
        try container.encode(page.tasks.request.page, forKey: .page)
        try container.encode(page.tasks.request.size, forKey: .size)
        try container.encode(page.tasks.total, forKey: .total)
    }
}

/// The wire form of one task of a batch job.
struct BatchTaskResponse: Encodable, Sendable {
    let task: BatchTask

    init(_ task: BatchTask) { self.task = task }

    private enum Key: String, CodingKey {
        case giccid, basicServicePackageName, status, errorMessage
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(task.giccid, forKey: .giccid)
        try container.encode(task.basicServicePackageName, forKey: .basicServicePackageName)
        try container.encode(task.status.rawValue, forKey: .status)
        try container.encode(task.errorMessage, forKey: .errorMessage)
    }
}
