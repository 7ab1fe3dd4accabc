/// What came of one scenario: each step's outcome, or the reason it could not start.
public struct ScenarioResult: Equatable, Sendable {
    /// What came of one step.
    public enum Outcome: Equatable, Sendable {
        case passed
        /// The first difference found, and the call that was made.
        case failed(String)
        /// Not run: an earlier step failed.
        case skipped
    }

    /// The scenario file.
    public var file: String
    /// The scenario's name.
    public var name: String
    /// Each step's title and outcome, in order.
    public var steps: [(title: String, outcome: Outcome)]
    /// Why the scenario could not be set up or read; nil when it ran.
    public var setupError: String?

    /// A result with every part given.
    public init(file: String, name: String, steps: [(title: String, outcome: Outcome)], setupError: String? = nil) {
        self.file = file
        self.name = name
        self.steps = steps
        self.setupError = setupError
    }

    /// True when every step passed.
    public var passed: Bool { setupError == nil && steps.allSatisfy { $0.outcome == .passed } }

    /// The first failure: the step's number (from 1), title and message.
    public var firstFailure: (number: Int, title: String, message: String)? {
        if let setupError { return (0, "setup", setupError) }
        for (index, step) in steps.enumerated() {
            if case .failed(let message) = step.outcome { return (index + 1, step.title, message) }
        }
        return nil
    }

    public static func == (lhs: ScenarioResult, rhs: ScenarioResult) -> Bool {
        lhs.file == rhs.file && lhs.name == rhs.name && lhs.setupError == rhs.setupError
            && lhs.steps.map(\.title) == rhs.steps.map(\.title) && lhs.steps.map(\.outcome) == rhs.steps.map(\.outcome)
    }
}
