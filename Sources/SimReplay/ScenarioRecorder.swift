import Foundation

/// Turns a server's request journal (`GET /_sim/requests`) into a scenario that replays to the
/// same results: a request step per entry with its status and body as expectations, an `advance`
/// to each new time, and the ids an answer gave (`jobId`, `smsMsgId`, …) captured, then used in
/// its own expectation and wherever later calls name them.
public enum ScenarioRecorder {
    /// The fields whose values are ids the platform generates: a replay gets others, so they are
    /// captured and compared with what was captured. (SIMs keep their giccids in a scenario's
    /// enterprise, which copies the demo enterprise's.)
    static let idKeys: Set<String> = ["jobId", "smsMsgId", "orderId", "eventId", "id"]

    /// The scenario of the journal `entries` (oldest first), named `name`.
    public static func scenario(fromJournal entries: [JSON], name: String) -> Scenario {
        // The ids each answer gave, with where they are in it.
        let offered: [[(value: String, selector: String)]] = entries.map { entry in
            guard let body = responseBody(of: entry) else { return [] }
            return ids(in: body, at: "$")
        }
        var known: [String: String] = [:]  // id value → variable name
        var captures: [Int: [String: String]] = [:]  // entry index → variable → selector
        var steps: [ScenarioStep] = []
        var lastTime: String?
        var counters: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let fields = entry.object ?? [:]
            if let time = fields["time"]?.string, time != lastTime {
                steps.append(ScenarioStep(advance: .object(["to": .string(time)])))
                lastTime = time
            }
            var request = RequestAction(method: fields["method"]?.string ?? "GET", path: fields["path"]?.string ?? "/v1/")
            if let query = fields["query"]?.string, !query.isEmpty { request.query = parse(query: query) }
            if fields["enterpriseName"] == .null { request.headers = ["X-API-Key": "recorded-unknown-key"] }
            if fields["requestBodyTruncated"] != .bool(true), let text = fields["requestBody"]?.string {
                request.body = JSON.parse(Data(text.utf8)) ?? .string(text)
            }
            // Ids given earlier become variables wherever this call names them.
            for (value, variable) in known.sorted(by: { $0.key < $1.key }) {
                let placeholder = "${\(variable)}"
                request.path = request.path.replacingOccurrences(of: value, with: placeholder)
                request.body = request.body.map { replace(value, with: placeholder, in: $0) }
                for (key, text) in request.query ?? [:] where text == value { request.query![key] = placeholder }
            }
            // This answer's new ids, for the calls after it (and its own expectation: captures come first).
            for (value, selector) in offered[index] where known[value] == nil && value.count >= 8 {
                let key = selector.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? "id"
                counters[key, default: 0] += 1
                known[value] = "\(key)\(counters[key]!)"
            }
            var expectation = ResponseExpectation(status: fields["status"]?.integer.map(Int.init) ?? 200)
            if var body = responseBody(of: entry) {
                for (value, variable) in known.sorted(by: { $0.key < $1.key }) { body = replace(value, with: "${\(variable)}", in: body) }
                expectation.body = body
            }
            steps.append(ScenarioStep(request: request, expect: expectation))
            steps[steps.count - 1].name = "\(request.method) \(request.path)"
        }
        // Every id is captured on the step of the answer that gave it.
        for (entry, ids) in offered.enumerated() {
            for (value, selector) in ids where value.count >= 8 {
                guard let variable = known[value], origin(of: value, in: offered, before: entry) == nil else { continue }
                captures[entry, default: [:]][variable] = selector
            }
        }
        var stepOfEntry: [Int] = []
        for (index, step) in steps.enumerated() where step.request != nil { stepOfEntry.append(index) }
        for (entry, variables) in captures { steps[stepOfEntry[entry]].capture = variables }
        return Scenario(name: name, description: "Recorded from a request journal.", steps: steps)
    }

    /// The scenario as YAML, with a comment on where it came from.
    public static func yaml(_ scenario: Scenario, source: String) throws -> String {
        "# Recorded by smarthub-sim record from \(source).\n" + (try ScenarioYAML.encode(scenario))
    }

    private static func responseBody(of entry: JSON) -> JSON? {
        let fields = entry.object ?? [:]
        guard fields["responseBodyTruncated"] != .bool(true), let text = fields["responseBody"]?.string else { return nil }
        return JSON.parse(Data(text.utf8))
    }

    /// The id-like string fields of `value`, with their selectors.
    private static func ids(in value: JSON, at path: String) -> [(value: String, selector: String)] {
        switch value {
        case .object(let fields):
            return fields.keys.sorted().flatMap { key -> [(value: String, selector: String)] in
                if idKeys.contains(key), let text = fields[key]!.string { return [(text, path + "." + key)] }
                return ids(in: fields[key]!, at: path + "." + key)
            }
        case .array(let items):
            return items.enumerated().flatMap { index, item in ids(in: item, at: "\(path)[\(index)]") }
        default:
            return []
        }
    }

    /// The first answer before `index` that gave `value`, and where.
    private static func origin(of value: String, in offered: [[(value: String, selector: String)]], before index: Int) -> (Int, String)? {
        for owner in 0..<index {
            if let found = offered[owner].first(where: { $0.value == value }) { return (owner, found.selector) }
        }
        return nil
    }

    private static func replace(_ text: String, with replacement: String, in value: JSON) -> JSON {
        switch value {
        case .string(let string): .string(string.replacingOccurrences(of: text, with: replacement))
        case .array(let items): .array(items.map { replace(text, with: replacement, in: $0) })
        case .object(let fields): .object(fields.mapValues { replace(text, with: replacement, in: $0) })
        default: value
        }
    }

    private static func parse(query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }
}
