/// One thing wrong with a seed document: where it is and what is wrong.
///
/// ```swift
/// SeedProblem(path: "enterprises[0].sims[3].iccid", message: "'8944…' fails the Luhn check", line: 120)
/// ```
public struct SeedProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry path, e.g. `enterprises[0].accounts[1].chargeType`; empty for the document as a whole.
    public var path: String
    /// What is wrong, for people.
    public var message: String
    /// The line of the file (from 1) where the entry or value starts, when known (YAML sources only).
    public var line: Int?

    /// A problem at `path`, on `line` when known.
    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    /// `path: message`, or just the message for the document as a whole.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
