import Foundation
import Yams

import enum SimCore.YAMLNestingLimit

/// Reads scenario files (YAML, or JSON, which is YAML too) and checks what decoding cannot.
public enum ScenarioLoader {
    /// The scenario in the file at `path`.
    /// - Throws: ``ScenarioError`` naming the file and, where it can, the step.
    public static func load(fileAt path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError("\(path): cannot be read (\(error.localizedDescription))")
        }
        return try load(yaml: text, source: path)
    }

    /// The scenario in `text`; `source` names it in errors.
    public static func load(yaml text: String, source: String) throws(ScenarioError) -> Scenario {
        if let line = YAMLNestingLimit.lineExceedingDepth(in: text) {
            throw ScenarioError("\(source): line \(line): the document nests deeper than \(YAMLNestingLimit.maximumDepth) levels")
        }
        let scenario: Scenario
        do {
            scenario = try YAMLDecoder().decode(Scenario.self, from: text)
        } catch let error as DecodingError {
            throw ScenarioError("\(source): \(describe(error))")
        } catch {
            throw ScenarioError("\(source): not YAML: \(error)")
        }
        if let document = try? YAMLDecoder().decode(JSON.self, from: text) { try checkKeys(of: document, source: source) }
        try check(scenario, source: source)
        return scenario
    }

    /// Refuses keys the format does not have (a misspelt `expect` would otherwise check nothing).
    static func checkKeys(of document: JSON, source: String) throws(ScenarioError) {
        func refuseUnknown(_ value: JSON?, _ allowed: Set<String>, at place: String) throws(ScenarioError) {
            guard let fields = value?.object else { return }
            if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw ScenarioError("\(source): \(place)\(unknown): unknown key (known: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        try refuseUnknown(document, ["name", "description", "template", "variables", "steps"], at: "")
        guard case .array(let steps)? = document.object?["steps"] else { return }
        for (index, step) in steps.enumerated() {
            let place = "steps[\(index)]."
            try refuseUnknown(step, ["name", "request", "advance", "session", "moSms", "fault", "expectPushes", "expect", "capture"], at: place)
            try refuseUnknown(step.object?["request"], ["method", "path", "query", "headers", "body"], at: place + "request.")
            try refuseUnknown(step.object?["expect"], ["status", "body", "json"], at: place + "expect.")
            try refuseUnknown(
                step.object?["expectPushes"], ["eventType", "giccid", "data", "count", "sequence", "within", "fromStart"], at: place + "expectPushes."
            )
            if case .array(let sequence)? = step.object?["expectPushes"]?.object?["sequence"] {
                for (position, match) in sequence.enumerated() {
                    try refuseUnknown(match, ["eventType", "giccid", "data"], at: place + "expectPushes.sequence[\(position)].")
                }
            }
        }
    }

    /// Refuses steps without exactly one action, and bad selectors, templates and methods.
    static func check(_ scenario: Scenario, source: String) throws(ScenarioError) {
        if let template = scenario.template, !["default", "empty"].contains(template) {
            throw ScenarioError("\(source): template is default or empty, not \(template)")
        }
        guard !scenario.steps.isEmpty else { throw ScenarioError("\(source): a scenario has at least one step") }
        for (index, step) in scenario.steps.enumerated() {
            let place = "\(source): steps[\(index)]\(step.name.map { " (\($0))" } ?? "")"
            guard step.actions.count == 1 else {
                throw ScenarioError(
                    "\(place): a step has exactly one of request, advance, session, moSms, fault, expectPushes; it has \(step.actions.isEmpty ? "none" : step.actions.joined(separator: ", "))"
                )
            }
            if let request = step.request {
                guard ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(request.method.uppercased()) else {
                    throw ScenarioError("\(place): unknown method \(request.method)")
                }
                guard request.path.hasPrefix("/v1") || request.path.hasPrefix("/_sim") || request.path.hasPrefix("${") else {
                    throw ScenarioError("\(place): a path starts with /v1 or /_sim, not \(request.path)")
                }
            }
            if step.expectPushes != nil, step.expect != nil || step.capture != nil {
                throw ScenarioError("\(place): expectPushes has no answer to expect or capture from")
            }
            do {
                for selector in (step.capture ?? [:]).values { _ = try JSONSelector(selector) }
                for selector in (step.expect?.json ?? [:]).keys { _ = try JSONSelector(selector) }
            } catch {
                throw ScenarioError("\(place): \(error.message)")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let found):
            return "\(path(found.codingPath + [key])): is required"
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
            context = found
        @unknown default:
            return "cannot be read"
        }
        return "\(path(context.codingPath)): \(context.debugDescription)"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the document" : text)
    }
}
