import Hummingbird
import SimCore

/// `POST|GET|DELETE /_sim/faults`, `DELETE /_sim/faults/{id}`: forced outcomes, HTTP faults and
/// the rate limit of one enterprise.
struct FaultController {
    let simulator: Simulator

    private static let outcomeKeys: Set<String> = ["operation", "giccid", "outcome", "errorMessage"]
    private static let httpKeys: Set<String> = ["path", "method", "status", "delay", "probability", "seed"]

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.post, "faults") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Fault")
            try body.rejectUnknownKeys(allowed: Self.outcomeKeys.union(Self.httpKeys).union(["enterpriseName", "rateLimit", "times"]))
            let enterprise = try scope.enterprise(of: request, body: body)
            let kind = try Self.kind(of: body)
            let seed = try body.integer("seed").map { seed in
                guard seed >= 0 else { throw body.invalid("seed", "a seed is 0 or more") }
                return UInt64(seed)
            }
            let fault = try simulator.createFault(kind, times: try body.integer("times"), seed: seed, enterprise: enterprise)
            return JSONResponse(FaultResponse(fault), status: .created)
        }
        routes.on(.get, "faults") { request, _ in
            let faults = try simulator.faults(enterprise: try scope.enterprise(of: request))
            return JSONResponse(FaultListResponse(faults: faults.map(FaultResponse.init)))
        }
        routes.on(.delete, "faults") { request, _ in
            try simulator.deleteFaults(enterprise: try scope.enterprise(of: request))
            return Response(status: .noContent)
        }
        routes.on(.delete, "faults/{id}") { request, context in
            try simulator.deleteFault(id: try context.pathParameter("id"), enterprise: try scope.enterprise(of: request))
            return Response(status: .noContent)
        }
    }

    /// The kind of fault the body describes: an outcome (`operation`), an HTTP fault (`path`) or a
    /// rate limit (`rateLimit`), with no key of another kind.
    private static func kind(of body: JSONObject) throws -> Fault.Kind {
        let given = Set(body.fields.keys)
        func refuseOthers(_ allowed: Set<String>, kind: String) throws {
            let foreign = given.subtracting(allowed).subtracting(["enterpriseName", "times"]).sorted()
            if let key = foreign.first { throw body.invalid(key, "\(key) does not apply to \(kind)") }
        }
        if let rate = try body.object("rateLimit") {
            try refuseOthers(["rateLimit"], kind: "a rate limit")
            try rate.rejectUnknownKeys(allowed: ["perSecond"])
            guard let perSecond = try rate.number("perSecond") else { throw rate.missing("perSecond") }
            return .rateLimit(perSecond: perSecond)
        }
        if body.contains("operation") {
            try refuseOthers(outcomeKeys, kind: "an operation outcome")
            guard let operation = try body.enumeration("operation", FaultOperation.self) else { throw body.missing("operation") }
            guard let outcome = try body.string("outcome") else { throw body.missing("outcome") }
            guard outcome == operation.forcedOutcome else {
                throw body.invalid("outcome", "the outcome of \(operation.rawValue) is \(operation.forcedOutcome)")
            }
            return .outcome(.init(operation: operation, giccid: try body.string("giccid"), errorMessage: try body.string("errorMessage")))
        }
        if body.contains("path") {
            try refuseOthers(httpKeys, kind: "an HTTP fault")
            let text = try body.requiredString("path")
            guard let path = FaultPathPattern(text) else {
                throw body.invalid("path", "a path of the public API, starting with /v1, without a query; a final * matches the rest")
            }
            return .http(
                .init(
                    path: path, method: try body.string("method"), status: try body.integer("status"), delay: try body.duration("delay"),
                    probability: try body.number("probability")))
        }
        throw HTTPProblem.validationFailed([
            .init(resource: "Fault", field: "operation", code: "missing_field", message: "a fault has an operation, a path or a rateLimit")
        ])
    }
}

/// The wire form of a fault in force: the fields it was created with, its id and the
/// applications left (`remaining`, null while unlimited).
struct FaultResponse: Encodable, Sendable {
    let fault: Fault

    init(_ fault: Fault) { self.fault = fault }

    private enum Key: String, CodingKey {
        case id, operation, giccid, outcome, errorMessage, path, method, status, delay, probability, seed, rateLimit, perSecond, remaining
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(fault.id, forKey: .id)
        switch fault.kind {
        case .outcome(let outcome):
            try container.encode(outcome.operation.rawValue, forKey: .operation)
            try container.encode(outcome.giccid, forKey: .giccid)
            try container.encode(outcome.operation.forcedOutcome, forKey: .outcome)
            try container.encode(outcome.errorMessage ?? outcome.operation.defaultErrorMessage, forKey: .errorMessage)
        case .http(let http):
            try container.encode(http.path.text, forKey: .path)
            try container.encode(http.method, forKey: .method)
            try container.encodeIfPresent(http.status, forKey: .status)
            try container.encodeIfPresent(http.delay.map { Double($0.milliseconds) / 1000 }, forKey: .delay)
            try container.encode(http.probability, forKey: .probability)
            try container.encode(fault.seed, forKey: .seed)
        case .rateLimit(let perSecond):
            var rate = container.nestedContainer(keyedBy: Key.self, forKey: .rateLimit)
            try rate.encode(perSecond, forKey: .perSecond)
        }
        try container.encode(fault.remaining, forKey: .remaining)
    }
}

/// `{"faults": […]}`.
struct FaultListResponse: Encodable, Sendable {
    let faults: [FaultResponse]
}
