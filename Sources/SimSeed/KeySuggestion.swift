/// The known key a mistyped key most likely meant, for "unknown key" messages.
enum KeySuggestion {
    /// The most edits (insertions, deletions, substitutions) between a typo and the key it meant.
    static let maximumDistance = 2

    /// The known key closest to `key` within ``maximumDistance`` edits (ignoring case), if any.
    static func closest(to key: String, among known: [String]) -> String? {
        let typed = Array(key.lowercased())
        let ranked = known.map { candidate in (candidate, distance(typed, Array(candidate.lowercased()))) }
        guard let best = ranked.min(by: { $0.1 < $1.1 }), best.1 <= maximumDistance, best.1 < typed.count else { return nil }
        return best.0
    }

    /// The Levenshtein distance between two character arrays.
    static func distance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1]
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
