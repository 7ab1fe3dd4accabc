/// The format of the store's database, written in `PRAGMA user_version`: 0 for the formats
/// before it was recorded (1 and 2: one JSON document per enterprise), 3 for rows of a world's
/// parts. A database of a newer format than ``current`` is refused, never misread.
public enum StoreFormat {
    /// The format this build writes.
    public static let current = 3
}

/// Why a data folder cannot be used.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for people.
    public var message: String

    public var description: String { message }
}
