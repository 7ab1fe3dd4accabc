/// A coding key for any name: used to list every key of a mapping, known or not.
struct AnyCodingKey: CodingKey {
    /// The key's name.
    var stringValue: String
    /// Always nil: these keys name mapping entries, not list positions.
    var intValue: Int? { nil }

    /// A key named `stringValue`.
    init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Not used: mapping keys are names.
    init?(intValue: Int) {
        return nil
    }
}
