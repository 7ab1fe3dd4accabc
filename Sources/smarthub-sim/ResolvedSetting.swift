import ArgumentParser

/// A setting's value and where it came from, so that a refusal can name what to change.
///
/// ```swift
/// let port = ResolvedSetting(value: 70000, origin: .environment(variable: "SMARTHUB_SIM_PORT"))
/// try port.require((0...65535).contains(port.value), "be between 0 and 65535")
/// // ValidationError: SMARTHUB_SIM_PORT must be between 0 and 65535 (it is 70000)
/// ```
struct ResolvedSetting<Value> {
    /// Where a value came from.
    enum Origin: Equatable {
        /// The option `--option` on the command line.
        case commandLine(option: String)
        /// The environment variable `variable`.
        case environment(variable: String)
        /// Neither: the option's default.
        case defaultValue(option: String)

        /// What a user would change: the option (`--port`) or the variable (`SMARTHUB_SIM_PORT`).
        var name: String {
            switch self {
            case .commandLine(let option), .defaultValue(let option): "--\(option)"
            case .environment(let variable): variable
            }
        }
    }

    /// The value.
    let value: Value
    /// Where it came from.
    let origin: Origin

    /// Throws a `ValidationError` naming the option or variable unless `condition` holds;
    /// `requirement` completes "… must".
    func require(_ condition: Bool, _ requirement: String) throws {
        guard !condition else { return }
        throw ValidationError("\(origin.name) must \(requirement) (it is \(value))")
    }
}
