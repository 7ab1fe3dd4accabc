import ArgumentParser
import Foundation

/// Resolves a setting of a command from, in order: its command-line option, its environment
/// variable (`SMARTHUB_SIM_` and the option's name in capitals, dashes as underscores), its default.
/// An empty variable counts as unset. A variable that does not parse is an error that names it.
///
/// ```swift
/// let resolver = EnvironmentResolver(environment: ["SMARTHUB_SIM_PORT": "9090"])
/// let port = try resolver.resolve(nil as Int?, option: "port", default: 8080)   // 9090, from SMARTHUB_SIM_PORT
/// ```
struct EnvironmentResolver {
    /// What every variable's name starts with.
    static let variablePrefix = "SMARTHUB_SIM_"

    /// The variables to read, by name.
    let environment: [String: String]

    /// A resolver of the process's own environment, or of `environment`.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The variable of an option: `data-dir` → `SMARTHUB_SIM_DATA_DIR`.
    static func variableName(forOption option: String) -> String {
        variablePrefix + option.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The variable's text, or nil when it is unset or empty.
    func text(ofVariable name: String) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// The value given on the command line, else the one in the option's variable, else `defaultValue`.
    func resolve<Value: ExpressibleByArgument>(
        _ commandLineValue: Value?, option: String, default defaultValue: Value
    ) throws
        -> ResolvedSetting<Value>
    {
        try resolve(commandLineValue, option: option) ?? ResolvedSetting(value: defaultValue, origin: .defaultValue(option: option))
    }

    /// The value given on the command line, else the one in the option's variable, else nil.
    func resolve<Value: ExpressibleByArgument>(_ commandLineValue: Value?, option: String) throws -> ResolvedSetting<Value>? {
        if let commandLineValue { return ResolvedSetting(value: commandLineValue, origin: .commandLine(option: option)) }
        let variable = Self.variableName(forOption: option)
        guard let text = text(ofVariable: variable) else { return nil }
        guard let value = Value(argument: text) else { throw EnvironmentValueError(variable: variable, text: text, expected: Value.self) }
        return ResolvedSetting(value: value, origin: .environment(variable: variable))
    }
}

/// A variable whose text is not a value of its option.
struct EnvironmentValueError: Error, CustomStringConvertible {
    /// The variable's name.
    let variable: String
    /// Its text.
    let text: String
    /// What the text should have been.
    let expectation: String

    /// An error about `variable`, which should have held a `Value`.
    init<Value: ExpressibleByArgument>(variable: String, text: String, expected: Value.Type) {
        self.variable = variable
        self.text = text
        let choices = Value.allValueStrings
        if !choices.isEmpty {
            expectation = "one of " + choices.joined(separator: ", ")
        } else if Value.self == Int.self {
            expectation = "a whole number"
        } else if Value.self == Double.self {
            expectation = "a number"
        } else {
            expectation = "a value of type \(Value.self)"
        }
    }

    var description: String { "\(variable)='\(text)' is not valid: expected \(expectation)" }
}
