/// A JSONPath-like selector of values in an answer: `$` (the whole body), `.name` or `['name']`
/// (a field), `[2]` (an element, `[-1]` the last), `[*]` (every element or field value).
///
/// ```swift
/// let selector = try JSONSelector("$.tasks[*].status")
/// selector.select(in: body)   // [.string("SUCCESS"), .string("FAIL")]
/// ```
public struct JSONSelector: Equatable, Sendable, CustomStringConvertible {
    enum Step: Equatable, Sendable {
        case field(String)
        case index(Int)
        case every
    }

    let steps: [Step]
    /// The selector as written.
    public let description: String

    /// Parses `text`.
    /// - Throws: ``ScenarioError`` for text that is not a selector.
    public init(_ text: String) throws(ScenarioError) {
        description = text
        var rest = Substring(text)
        guard rest.first == "$" else { throw ScenarioError("a selector starts with $: \(text)") }
        rest = rest.dropFirst()
        var steps: [Step] = []
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw ScenarioError("a field name is missing in \(text)") }
                steps.append(name == "*" ? .every : .field(String(name)))
                rest = rest.dropFirst(name.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw ScenarioError("a [ is not closed in \(text)") }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside == "*" {
                    steps.append(.every)
                } else if let index = Int(inside) {
                    steps.append(.index(index))
                } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"", inside.last == quote {
                    steps.append(.field(String(inside.dropFirst().dropLast())))
                } else {
                    throw ScenarioError("[\(inside)] is not an index, * or a quoted name in \(text)")
                }
                rest = rest[rest.index(after: close)...]
            } else {
                throw ScenarioError("unexpected '\(first)' in \(text)")
            }
        }
        self.steps = steps
    }

    /// True when the selector can give several values (it has a `[*]`).
    public var isMultiple: Bool { steps.contains(.every) }

    /// The values selected in `value`, in document order (fields of an object by name).
    public func select(in value: JSON) -> [JSON] {
        var current = [value]
        for step in steps {
            current = current.flatMap { value -> [JSON] in
                switch (step, value) {
                case (.field(let name), .object(let fields)): fields[name].map { [$0] } ?? []
                case (.index(let index), .array(let items)):
                    (index >= 0 ? items.indices.contains(index) : items.indices.contains(items.count + index))
                        ? [items[index >= 0 ? index : items.count + index]] : []
                case (.every, .array(let items)): items
                case (.every, .object(let fields)): fields.keys.sorted().map { fields[$0]! }
                default: []
                }
            }
        }
        return current
    }

    /// The one value selected, `.array` of them for a selector with `[*]`, nil when a single
    /// selector finds nothing.
    public func value(in body: JSON) -> JSON? {
        let found = select(in: body)
        return isMultiple ? .array(found) : found.first
    }
}
