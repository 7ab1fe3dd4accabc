/// The faults of one enterprise, in creation order, with the state of its rate limit.
struct FaultTable: Sendable, Codable {
    /// The faults in force, oldest first.
    private(set) var faults: [Fault] = []
    private var bucket: RateLimitBucket?

    /// True when an HTTP fault or a rate limit is in force: requests of the public API meet (and
    /// change) the table. Forced outcomes alone leave requests alone.
    var appliesToRequests: Bool {
        bucket != nil || faults.contains { if case .http = $0.kind { true } else { false } }
    }

    /// Puts `fault` in force; a rate limit replaces the enterprise's earlier one.
    mutating func add(_ fault: Fault, wallMilliseconds: Int64) {
        if case .rateLimit(let perSecond) = fault.kind {
            faults.removeAll { if case .rateLimit = $0.kind { true } else { false } }
            bucket = RateLimitBucket(perSecond: perSecond, wallMilliseconds: wallMilliseconds)
        }
        faults.append(fault)
    }

    /// Removes the fault `id`; false when there is none.
    mutating func remove(id: String) -> Bool {
        guard let index = faults.firstIndex(where: { $0.id == id }) else { return false }
        if case .rateLimit = faults[index].kind { bucket = nil }
        faults.remove(at: index)
        return true
    }

    /// Removes every fault.
    mutating func removeAll() {
        faults = []
        bucket = nil
    }

    /// The error message of the first fault forcing `operation` on `giccid` to fail, using up one
    /// of its applications; nil when none applies.
    mutating func consumeOutcome(_ operation: FaultOperation, giccid: String) -> String? {
        let index = faults.firstIndex { fault in
            guard case .outcome(let outcome) = fault.kind else { return false }
            return outcome.operation == operation && (outcome.giccid == nil || outcome.giccid == giccid)
        }
        guard let index, case .outcome(let outcome) = faults[index].kind else { return nil }
        useOnce(at: index)
        return outcome.errorMessage ?? operation.defaultErrorMessage
    }

    /// What the faults do to a request of `method` on `path` at `wallMilliseconds`: the rate limit
    /// first (a request over it is refused and meets no other fault), then every HTTP fault that
    /// matches and hits (its probability drawn from its seed): their delays add up, the first
    /// status wins. Each hit uses up one application.
    mutating func action(forMethod method: String, path: String, wallMilliseconds: Int64) -> HTTPFaultAction {
        var action = HTTPFaultAction()
        if let retryAfter = bucket?.take(at: wallMilliseconds) {
            action.retryAfterSeconds = retryAfter
            return action
        }
        var index = 0
        while index < faults.count {
            guard case .http(var fault) = faults[index].kind, fault.path.matches(path), fault.method == nil || fault.method == method else {
                index += 1
                continue
            }
            if let probability = fault.probability {
                let draw = Double(fault.random.next() >> 11) / Double(1 << 53)
                faults[index].kind = .http(fault)
                guard draw < probability else {
                    index += 1
                    continue
                }
            }
            if let delay = fault.delay { action.delay = SimDuration(milliseconds: (action.delay?.milliseconds ?? 0) + delay.milliseconds) }
            if action.status == nil, let status = fault.status {
                action.status = status
                action.faultId = faults[index].id
            }
            if useOnce(at: index) { index += 1 }
        }
        return action
    }

    /// Uses up one application of the fault at `index`, removing it after its last; true when it stays.
    @discardableResult
    private mutating func useOnce(at index: Int) -> Bool {
        guard let remaining = faults[index].remaining else { return true }
        if remaining <= 1 {
            faults.remove(at: index)
            return false
        }
        faults[index].remaining = remaining - 1
        return true
    }
}
