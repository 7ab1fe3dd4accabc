/// A seed document that was refused: the file (or other source) and every problem found in it.
///
/// The description has one line per problem, naming the source, the line when known, the entry
/// path and the problem:
///
/// ```text
/// seed-data/bad.yaml:57: enterprises[0].sims[3].iccid: '8944…' fails the Luhn check (the last digit …)
/// ```
public struct SeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The most problems the description lists; the rest are counted.
    public static let describedProblemLimit = 50

    /// The file path or other name of the document, as given to the loader.
    public var source: String
    /// The problems, in the order they were found (never empty).
    public var problems: [SeedProblem]

    /// An error for `source` with the given problems.
    public init(source: String, problems: [SeedProblem]) {
        self.source = source
        self.problems = problems
    }

    /// An error for `source` with one problem.
    public init(source: String, problem: SeedProblem) {
        self.init(source: source, problems: [problem])
    }

    /// One line per problem: `source[:line]: path: message`.
    public var description: String {
        var lines = problems.prefix(Self.describedProblemLimit).map { problem in
            let location = problem.line.map { "\(source):\($0)" } ?? source
            return "\(location): \(problem)"
        }
        if problems.count > Self.describedProblemLimit {
            lines.append("\(source): … and \(problems.count - Self.describedProblemLimit) more problems")
        }
        return lines.joined(separator: "\n")
    }
}
