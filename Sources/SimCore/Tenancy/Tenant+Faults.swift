extension Tenant {
    /// The longest delay an HTTP fault may ask for.
    static let maximumFaultDelay = SimDuration.minutes(5)

    /// Checks and puts a fault in force; returns it with its id.
    /// - Throws: `invalid` for `times` below 1, a status outside 400-599, a delay outside 0 to
    ///   5 minutes, a probability outside (0, 1], a rate of 0 or less, or a method that is not an
    ///   HTTP token; `missing` on `giccid` for a SIM the enterprise does not have.
    mutating func createFault(_ kind: Fault.Kind, times: Int?, seed: UInt64?, wallMilliseconds: Int64) throws(SimError) -> Fault {
        var issues: [SimError.Issue] = []
        func refuse(_ field: String, _ message: String, code: SimError.Code = .invalid) {
            issues.append(.init(resource: "Fault", field: field, code: code, message: message))
        }
        if let times, times < 1 { refuse("times", "times is 1 or more") }
        switch kind {
        case .outcome(let outcome):
            if let giccid = outcome.giccid, !sims.containsICCID(giccid) { refuse("giccid", "no SIM with giccid '\(giccid)'", code: .missing) }
            if let message = outcome.errorMessage, message.isEmpty || message.unicodeScalars.count > 500 {
                refuse("errorMessage", "an error message is 1 to 500 characters")
            }
        case .http(let fault):
            if let status = fault.status, !(400...599).contains(status) { refuse("status", "a status is from 400 to 599") }
            if let delay = fault.delay, delay < .zero || delay > Self.maximumFaultDelay { refuse("delay", "a delay is from 0 to 5 minutes") }
            if fault.status == nil, fault.delay == nil { refuse("status", "an HTTP fault has a status, a delay or both", code: .missingField) }
            if let probability = fault.probability, !(probability > 0 && probability <= 1) {
                refuse("probability", "a probability is more than 0 and at most 1")
            }
            if let method = fault.method, method.isEmpty || method.count > 20 || !method.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                refuse("method", "a method is an HTTP method in upper case, like GET")
            }
        case .rateLimit(let perSecond):
            if !(perSecond > 0 && perSecond <= 1_000_000) { refuse("rateLimit.perSecond", "perSecond is more than 0 and at most 1000000") }
            if times != nil { refuse("times", "a rate limit applies until deleted") }
        }
        guard issues.isEmpty else { throw SimError(.rejected, issues) }
        let id = identifiers.nextHexId()
        var kind = kind
        let faultSeed = seed ?? StableHash.fnv1a(id) >> 11
        if case .http(var fault) = kind {
            fault.random = DeterministicRandom(seed: faultSeed)
            kind = .http(fault)
        }
        let fault = Fault(id: id, kind: kind, remaining: times, seed: faultSeed)
        faults.add(fault, wallMilliseconds: wallMilliseconds)
        return fault
    }

    /// Refuses `operation` on `giccid` when a fault forces it to fail (using up one application).
    mutating func failIfForced(_ operation: FaultOperation, giccid: String) throws(SimError) {
        if let message = faults.consumeOutcome(operation, giccid: giccid) {
            throw .rejected("SIM", field: "giccid", code: .invalid, message: message)
        }
    }
}
