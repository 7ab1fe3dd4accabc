import Foundation

/// Runs scenarios against a server, each in an enterprise of its own (`scenario <file name>`,
/// created afresh from its template) whose pushes go to a local ``PushReceiver``.
///
/// ```swift
/// let runner = ScenarioRunner(client: client, receiver: receiver, webhookURL: url, resetsWorld: true)
/// let result = await runner.run(try ScenarioLoader.load(fileAt: path), file: path)
/// ```
public struct ScenarioRunner: Sendable {
    let client: ScenarioHTTPClient
    let receiver: PushReceiver
    let webhookURL: String
    /// True for a server of the replay's own: the world is reset before each scenario, so each
    /// starts at the seed's time whatever ran before it.
    let resetsWorld: Bool
    /// `Authorization: Bearer` for the control API, when the server wants one.
    let adminToken: String?
    /// True to give each scenario's enterprise a clock of its own (`"clock": "own"`), so that
    /// scenarios can run side by side, each moving only its own time.
    let ownClocks: Bool

    /// A runner sending to `client`'s server.
    public init(
        client: ScenarioHTTPClient, receiver: PushReceiver, webhookURL: String, resetsWorld: Bool, adminToken: String? = nil,
        ownClocks: Bool = false
    ) {
        self.client = client
        self.receiver = receiver
        self.webhookURL = webhookURL
        self.resetsWorld = resetsWorld
        self.adminToken = adminToken
        self.ownClocks = ownClocks
    }

    /// Puts the server back to its seed (`POST /_sim/reset`).
    /// - Throws: ``ScenarioError`` when the server refuses.
    public func resetWorld() async throws {
        let answer = try await control("POST", "/_sim/reset", key: nil)
        guard (200..<300).contains(answer.status) else { throw ScenarioError("reset the world: answer \(answer.status)") }
    }

    /// The enterprise a scenario of `file` runs in.
    public static func enterpriseName(forFile file: String) -> String {
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return "scenario " + String(base.replacingOccurrences(of: "/", with: "-").prefix(90))
    }

    /// Runs `scenario` (read from `file`) to its end or its first failure.
    public func run(_ scenario: Scenario, file: String) async -> ScenarioResult {
        let titles = scenario.steps.enumerated().map { index, step in step.name ?? Self.describe(step, number: index + 1) }
        var result = ScenarioResult(file: file, name: scenario.name, steps: titles.map { ($0, ScenarioResult.Outcome.skipped) })
        var run = ScenarioRun(runner: self, enterprise: Self.enterpriseName(forFile: file))
        do {
            try await run.setUp(template: scenario.template ?? "default", variables: scenario.variables ?? [:])
        } catch {
            result.setupError = "\(error)"
            return result
        }
        for (index, step) in scenario.steps.enumerated() {
            do {
                try await run.perform(step)
                result.steps[index].outcome = .passed
            } catch {
                result.steps[index].outcome = .failed("\(error)")
                break
            }
        }
        return result
    }

    /// A title for a step without a name: its action and target.
    static func describe(_ step: ScenarioStep, number: Int) -> String {
        if let request = step.request { return "\(request.method.uppercased()) \(request.path)" }
        if let advance = step.advance { return "advance \(advance.string ?? advance.description)" }
        if step.session != nil { return "data session" }
        if step.moSms != nil { return "MO SMS" }
        if step.fault != nil { return "fault" }
        if let pushes = step.expectPushes { return "expect pushes" + (pushes.eventType.map { " \($0)" } ?? "") }
        return "step \(number)"
    }

    /// Sends a control call for the scenario's enterprise (`key`), with the admin token.
    func control(_ method: String, _ path: String, key: String?, body: JSON? = nil) async throws -> ScenarioHTTPClient.Answer {
        var headers = ScenarioHTTPClient.adminTokenHeaders(adminToken)
        if let key { headers["X-API-Key"] = key }
        return try await client.send(method, path, headers: headers, body: body)
    }
}

/// One scenario being run: its enterprise, its variables, and the pushes already looked at.
struct ScenarioRun {
    let runner: ScenarioRunner
    let enterprise: String
    var interpolation = Interpolation()
    var apiKey = ""
    /// How many of the enterprise's pushes the last `expectPushes` step saw.
    var pushesSeen = 0
    /// How many pushes about an enterprise of this name there were before the scenario began (an
    /// earlier scenario of the same file name).
    var pushesBefore = 0

    init(runner: ScenarioRunner, enterprise: String) {
        self.runner = runner
        self.enterprise = enterprise
    }

    /// Makes the scenario's enterprise afresh, its webhook pointing at the receiver.
    mutating func setUp(template: String, variables: [String: JSON]) async throws {
        if runner.resetsWorld {
            try expectSuccess(try await runner.control("POST", "/_sim/reset", key: nil), "reset the world")
        }
        let path = "/_sim/enterprises/" + (enterprise.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? enterprise)
        _ = try await runner.control("DELETE", path, key: nil)
        var creation: [String: JSON] = ["name": .string(enterprise), "seed": .string(template)]
        if runner.ownClocks { creation["clock"] = .string("own") }
        let created = try await runner.control("POST", "/_sim/enterprises", key: nil, body: .object(creation))
        try expectSuccess(created, "create the enterprise '\(enterprise)'")
        guard let key = created.body?.object?["apiKey"]?.string else { throw ScenarioError("the enterprise was created without an apiKey") }
        apiKey = key
        let webhook = try await runner.control("PUT", "/_sim/webhooks", key: key, body: .object(["url": .string(runner.webhookURL)]))
        try expectSuccess(webhook, "set the webhook")
        let builtIn: [String: JSON] = ["enterprise": .string(enterprise), "apiKey": .string(key), "webhook": .string(runner.webhookURL)]
        interpolation.variables = variables.merging(builtIn) { _, new in new }
        pushesBefore = ownPushes().count
        pushesSeen = pushesBefore
    }

    /// Performs one step and checks what it expects.
    mutating func perform(_ step: ScenarioStep) async throws {
        if let pushes = step.expectPushes { return try await check(pushes) }
        let (call, answer) = try await send(step)
        let detail = "\n            call: \(call)\n            answer \(answer.status): \(answer.text.prefix(2_000))"
        try checkStatus(of: answer, against: step.expect, detail: detail)
        for (name, selector) in (step.capture ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let body = answer.body, let value = try JSONSelector(selector).value(in: body) else {
                throw ScenarioError("capture \(name): \(selector) found nothing\(detail)")
            }
            interpolation.variables[name] = value
        }
        try checkBody(of: answer, against: step.expect, detail: detail)
    }

    /// Sends the step's call; returns how it reads in a report, and the answer.
    private func send(_ step: ScenarioStep) async throws -> (String, ScenarioHTTPClient.Answer) {
        var method = "POST"
        var path: String
        var query: [String: String] = [:]
        var headers: [String: String] = [:]
        var body: JSON?
        if let request = step.request {
            method = request.method.uppercased()
            path = try interpolation.apply(request.path)
            for (name, value) in request.query ?? [:] { query[name] = try interpolation.apply(value) }
            for (name, value) in request.headers ?? [:] { headers[name] = try interpolation.apply(value) }
            body = try request.body.map { value throws(ScenarioError) in try interpolation.apply(value) }
        } else if let advance = step.advance {
            path = "/_sim/clock/advance"
            let value = try interpolation.apply(advance)
            body = value.object != nil ? value : .object(["by": value])
        } else if let session = step.session {
            (path, body) = try network("sessions", session)
        } else if let sms = step.moSms {
            (path, body) = try network("mo-sms", sms)
        } else {
            path = "/_sim/faults"
            body = try step.fault.map { value throws(ScenarioError) in try interpolation.apply(value) }
        }
        if !headers.keys.contains(where: { $0.lowercased() == "x-api-key" }) { headers["X-API-Key"] = apiKey }
        if path.hasPrefix("/_sim") { headers.merge(ScenarioHTTPClient.adminTokenHeaders(runner.adminToken)) { _, token in token } }
        let call = "\(method) \(path)" + (query.isEmpty ? "" : "?" + query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&"))
        return (call, try await runner.client.send(method, path, query: query, headers: headers, body: body))
    }

    /// The path and body of a network event about the SIM named by `giccid` in `value`.
    private func network(_ kind: String, _ value: JSON) throws(ScenarioError) -> (String, JSON) {
        guard case .object(var fields) = try interpolation.apply(value), let named = fields.removeValue(forKey: "giccid"),
            let giccid = named.string ?? named.integer.map(String.init)
        else {
            throw ScenarioError("a \(kind == "sessions" ? "session" : "moSms") step names its SIM with giccid")
        }
        return ("/_sim/sims/\(giccid)/\(kind)", .object(fields))
    }

    private func checkStatus(of answer: ScenarioHTTPClient.Answer, against expectation: ResponseExpectation?, detail: String) throws {
        if let status = expectation?.status {
            guard answer.status == status else { throw ScenarioError("expected status \(status), got \(answer.status)\(detail)") }
        } else if !(200..<300).contains(answer.status) {
            throw ScenarioError("expected a 2xx status, got \(answer.status)\(detail)")
        }
    }

    private func checkBody(of answer: ScenarioHTTPClient.Answer, against expectation: ResponseExpectation?, detail: String) throws {
        if let wanted = expectation?.body {
            guard let body = answer.body else { throw ScenarioError("expected a JSON body\(detail)") }
            if let difference = JSONMatcher.firstDifference(expected: try interpolation.apply(wanted), actual: body) {
                throw ScenarioError(difference + detail)
            }
        }
        for (text, wanted) in (expectation?.json ?? [:]).sorted(by: { $0.key < $1.key }) {
            let selector = try JSONSelector(text)
            let found = answer.body.flatMap { selector.value(in: $0) }
            if let difference = JSONMatcher.firstDifference(expected: try interpolation.apply(wanted), actual: found, at: text) {
                throw ScenarioError(difference + detail)
            }
        }
    }

    /// The pushes about the scenario's enterprise received so far.
    private func ownPushes() -> [JSON] {
        runner.receiver.pushes.filter { $0.object?["enterpriseName"]?.string == enterprise }
    }

    private mutating func check(_ expectation: PushExpectation) async throws {
        let within = try expectation.within.map { value throws(ScenarioError) in try interpolation.apply(value) } ?? .integer(0)
        try expectSuccess(try await runner.control("POST", "/_sim/clock/advance", key: apiKey, body: .object(["by": within])), "advance the clock")
        let all = ownPushes()
        let window = Array(all[(expectation.fromStart == true ? pushesBefore : min(pushesSeen, all.count))...])
        pushesSeen = all.count
        let filter = PushMatch(eventType: expectation.eventType, giccid: expectation.giccid, data: expectation.data)
        let matching = try window.filter { push throws(ScenarioError) in try matches(push, filter) }
        let shown = window.prefix(20).map(Self.summary) + (window.count > 20 ? ["… \(window.count - 20) more"] : [])
        let seen = "\n            pushes received: " + (window.isEmpty ? "none" : shown.joined(separator: "\n                             "))
        if let count = expectation.count {
            guard matching.count == count else {
                throw ScenarioError("expected \(count) pushes matching \(describe(filter)), got \(matching.count)\(seen)")
            }
        } else if expectation.sequence == nil, matching.isEmpty {
            throw ScenarioError("expected a push matching \(describe(filter)), got none\(seen)")
        }
        var rest = matching[...]
        for (index, wanted) in (expectation.sequence ?? []).enumerated() {
            guard let found = try rest.firstIndex(where: { push throws(ScenarioError) in try matches(push, wanted) }) else {
                throw ScenarioError("sequence[\(index)]: no push matching \(describe(wanted)) after the ones before it\(seen)")
            }
            rest = rest[(found + 1)...]
        }
    }

    private func matches(_ push: JSON, _ match: PushMatch) throws(ScenarioError) -> Bool {
        let fields = push.object ?? [:]
        if let type = match.eventType, fields["eventType"]?.string != type { return false }
        if let giccid = match.giccid, fields["giccid"]?.string != (try interpolation.apply(giccid)) { return false }
        if let data = match.data, JSONMatcher.firstDifference(expected: try interpolation.apply(data), actual: fields["data"]) != nil { return false }
        return true
    }

    private func describe(_ match: PushMatch) -> String {
        let giccid = match.giccid.map { (try? interpolation.apply($0)) ?? $0 }
        let data = match.data.map { (try? interpolation.apply($0)) ?? $0 }
        let parts = [match.eventType, giccid.map { "giccid \($0)" }, data.map { "data \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "anything" : parts.joined(separator: ", ")
    }

    private static func summary(_ push: JSON) -> String {
        let fields = push.object ?? [:]
        return [fields["eventType"], fields["giccid"], fields["eventTime"], fields["data"]].compactMap { $0 }.map { $0.string ?? $0.description }
            .joined(separator: " ")
    }

    private func expectSuccess(_ answer: ScenarioHTTPClient.Answer, _ what: String) throws {
        guard (200..<300).contains(answer.status) else { throw ScenarioError("could not \(what): \(answer.status) \(answer.text.prefix(500))") }
    }
}
