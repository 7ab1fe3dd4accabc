/// A scenario that cannot be read or run: what is wrong, for people.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
