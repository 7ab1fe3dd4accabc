/// Where an entry of a seed document is in its file: the line of the entry and of each of its keys.
///
/// Lines are known for YAML sources only; JSON sources leave them nil.
struct EntryLocation: Sendable {
    /// The line (from 1) where the entry starts.
    var line: Int?
    /// The line where the value of each key starts.
    var keyLines: [String: Int]

    /// A location with the given lines.
    init(line: Int? = nil, keyLines: [String: Int] = [:]) {
        self.line = line
        self.keyLines = keyLines
    }

    /// The line of the value of `key`, or of the entry when the key is absent.
    func line(of key: String) -> Int? {
        keyLines[key] ?? line
    }
}
