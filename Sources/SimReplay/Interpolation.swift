/// Puts variables into values of a scenario: `${name}` in a string is replaced by the variable's
/// text; a string that is only `${name}` takes the variable's JSON value (a number stays a number).
public struct Interpolation: Sendable {
    /// The variables by name.
    public var variables: [String: JSON]

    /// Interpolation of `variables`.
    public init(variables: [String: JSON] = [:]) { self.variables = variables }

    /// `value` with every `${name}` replaced.
    /// - Throws: ``ScenarioError`` naming a variable that is not set.
    public func apply(_ value: JSON) throws(ScenarioError) -> JSON {
        switch value {
        case .string(let text): return try apply(toString: text)
        case .array(let items): return .array(try items.map { item throws(ScenarioError) in try apply(item) })
        case .object(let fields):
            var result: [String: JSON] = [:]
            for (key, field) in fields { result[key] = try apply(field) }
            return .object(result)
        default: return value
        }
    }

    /// `text` with every `${name}` replaced by the variable's text.
    public func apply(_ text: String) throws(ScenarioError) -> String {
        let value = try apply(toString: text)
        return value.string ?? value.description
    }

    private func apply(toString text: String) throws(ScenarioError) -> JSON {
        guard text.contains("${") else { return .string(text) }
        if text.hasPrefix("${"), text.hasSuffix("}"), text.dropFirst(2).dropLast().allSatisfy({ $0 != "}" && $0 != "$" }) {
            return try variable(String(text.dropFirst(2).dropLast()))
        }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { throw ScenarioError("'${' is not closed in \(text)") }
            let value = try variable(String(rest[start.upperBound..<end]))
            result += value.string ?? value.description
            rest = rest[rest.index(after: end)...]
        }
        return .string(result + rest)
    }

    private func variable(_ name: String) throws(ScenarioError) -> JSON {
        guard let value = variables[name] else {
            throw ScenarioError("no variable '\(name)' (set: \(variables.keys.sorted().joined(separator: ", ")))")
        }
        return value
    }
}
