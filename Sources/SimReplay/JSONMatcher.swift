/// Compares an expected JSON value with an actual one, as a subset: an expected object names the
/// fields that must be there (others may be too), an expected array must match element by
/// element, scalars must be equal. An object whose only key starts with `$` is an operator:
///
/// - `{"$matches": "^[0-9a-f]{32}$"}`: a string matching the regular expression;
/// - `{"$exists": true|false}`: the field is there (any value) or absent;
/// - `{"$length": 3}`: an array, object or string of that length;
/// - `{"$contains": value}`: an array with an element matching `value`, or a string containing it;
/// - `{"$any": true}`: anything, `null` included.
public enum JSONMatcher {
    /// The first difference between `expected` and `actual` (nil when `actual` matches), naming
    /// its place from `path`.
    public static func firstDifference(expected: JSON, actual: JSON?, at path: String = "$") -> String? {
        if case .object(let fields) = expected, fields.count == 1, let (name, argument) = fields.first, name.hasPrefix("$") {
            return operatorDifference(name, argument, actual: actual, at: path)
        }
        guard let actual else { return "at \(path): expected \(expected), but there is nothing" }
        switch (expected, actual) {
        case (.object(let wanted), .object(let found)):
            for key in wanted.keys.sorted() {
                if let difference = firstDifference(expected: wanted[key]!, actual: found[key], at: path + "." + key) { return difference }
            }
            return nil
        case (.array(let wanted), .array(let found)):
            guard wanted.count == found.count else { return "at \(path): expected \(wanted.count) elements, got \(found.count): \(actual)" }
            for (index, pair) in zip(wanted, found).enumerated() {
                if let difference = firstDifference(expected: pair.0, actual: pair.1, at: "\(path)[\(index)]") { return difference }
            }
            return nil
        default:
            return expected.sameValue(as: actual) ? nil : "at \(path): expected \(expected), got \(actual)"
        }
    }

    private static func operatorDifference(_ name: String, _ argument: JSON, actual: JSON?, at path: String) -> String? {
        switch (name, argument) {
        case ("$any", _):
            return nil
        case ("$exists", .bool(let wanted)):
            return (actual != nil) == wanted
                ? nil : "at \(path): expected \(wanted ? "a value" : "no value"), got \(actual?.description ?? "nothing")"
        case ("$matches", .string(let pattern)):
            guard let text = actual?.string else {
                return "at \(path): expected a string matching \(pattern), got \(actual?.description ?? "nothing")"
            }
            guard let regex = try? Regex(pattern) else { return "at \(path): \(pattern) is not a regular expression" }
            return text.wholeMatch(of: regex) != nil ? nil : "at \(path): expected a string matching \(pattern), got \(JSON.string(text))"
        case ("$length", .integer(let wanted)):
            let length: Int? =
                switch actual {
                case .array(let items): items.count
                case .object(let fields): fields.count
                case .string(let text): text.count
                default: nil
                }
            return length == Int(wanted) ? nil : "at \(path): expected length \(wanted), got \(actual?.description ?? "nothing")"
        case ("$contains", _):
            switch actual {
            case .array(let items):
                return items.contains { firstDifference(expected: argument, actual: $0) == nil }
                    ? nil : "at \(path): expected an element matching \(argument), got \(actual!)"
            case .string(let text):
                guard let part = argument.string else { return "at \(path): $contains of a string takes a string" }
                return text.contains(part) ? nil : "at \(path): expected a string containing \(argument), got \(actual!)"
            default:
                return "at \(path): expected an array or a string containing \(argument), got \(actual?.description ?? "nothing")"
            }
        default:
            return "at \(path): unknown operator \(name) with \(argument)"
        }
    }
}
