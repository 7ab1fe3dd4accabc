import SimCore
import Yams

/// Reads the keys of one mapping of a seed document, collecting every problem rather than
/// stopping at the first.
///
/// An entry's `init(from:)` makes a reader, reads each key (a value, or nil and a recorded
/// problem), then calls ``finish()``:
///
/// ```swift
/// var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "share pool")
/// let name: String? = reader.required(.name)
/// let quotaBytes: Int64? = reader.required(.quotaBytes)
/// try reader.finish()
/// ```
///
/// Keys not in `Key` are refused, naming the key (and the known key it probably meant).
struct EntryReader<Key: CodingKey & CaseIterable & RawRepresentable> where Key.RawValue == String {
    /// The lines of the entry and its keys (YAML sources only).
    let location: EntryLocation
    /// The problems found so far, in the order the keys were read.
    private(set) var problems: [SeedProblem] = []
    private let container: KeyedDecodingContainer<Key>
    private let path: String

    /// A reader of the mapping `decoder` stands on, an entry of kind `entry` (e.g. "account").
    /// Unknown keys are recorded as problems at once.
    /// - Throws: ``SeedProblems`` when the value is not a mapping.
    init(_ decoder: any Decoder, keys: Key.Type, entry: String) throws(SeedProblems) {
        path = SeedPath.render(decoder.codingPath)
        let entryLine = decoder.mark?.line
        let allKeys: KeyedDecodingContainer<AnyCodingKey>
        do {
            container = try decoder.container(keyedBy: Key.self)
            allKeys = try decoder.container(keyedBy: AnyCodingKey.self)
        } catch {
            let found = SeedValueDescription.actual(in: decoder).map { ", got \($0)" } ?? ""
            let what = path.isEmpty ? "the document" : "\(Self.article(entry)) \(entry)"
            throw SeedProblems([SeedProblem(path: path, message: "expected a mapping (\(what))\(found)", line: entryLine)])
        }
        var keyLines: [String: Int] = [:]
        for key in allKeys.allKeys {
            keyLines[key.stringValue] = (try? allKeys.superDecoder(forKey: key))?.mark?.line
        }
        location = EntryLocation(line: entryLine, keyLines: keyLines)
        let known = Key.allCases.map(\.rawValue)
        for key in allKeys.allKeys where !known.contains(key.stringValue) {
            var message = "unknown key '\(key.stringValue)'"
            if let suggestion = KeySuggestion.closest(to: key.stringValue, among: known) {
                message += " (did you mean '\(suggestion)'?)"
            } else {
                message += "; the keys of \(Self.article(entry)) \(entry) are \(known.joined(separator: ", "))"
            }
            problems.append(
                SeedProblem(path: SeedPath.appending(key.stringValue, to: path), message: message, line: location.line(of: key.stringValue)))
        }
    }

    /// Throws the problems found, if any.
    func finish() throws(SeedProblems) {
        if !problems.isEmpty { throw SeedProblems(problems) }
    }

    /// The problems found, as an error; for the (unreachable) case of a missing value without a problem, says so.
    var failure: SeedProblems {
        SeedProblems(problems.isEmpty ? [SeedProblem(path: path, message: "incomplete entry", line: location.line)] : problems)
    }

    // MARK: Plain values

    /// The value of a required key; nil (and a problem) when it is missing, null or of another type.
    mutating func required<Value: Decodable>(_ key: Key) -> Value? {
        guard isPresent(key, required: true, expecting: SeedValueDescription.expected(Value.self)) else { return nil }
        return value(key, expecting: SeedValueDescription.expected(Value.self))
    }

    /// The value of an optional key; nil when absent or null, nil and a problem when of another type.
    mutating func optional<Value: Decodable>(_ key: Key) -> Value? {
        guard isPresent(key, required: false, expecting: "") else { return nil }
        return value(key, expecting: SeedValueDescription.expected(Value.self))
    }

    // MARK: Enumerations

    /// The value of a required key that is one of the raw values of `Value`.
    mutating func requiredEnum<Value: RawRepresentable & CaseIterable>(_ key: Key) -> Value? where Value.RawValue == String {
        guard isPresent(key, required: true, expecting: Self.choices(Value.self)) else { return nil }
        return enumValue(key)
    }

    /// The value of an optional key that is one of the raw values of `Value`; nil when absent or null.
    mutating func optionalEnum<Value: RawRepresentable & CaseIterable>(_ key: Key) -> Value? where Value.RawValue == String {
        guard isPresent(key, required: false, expecting: "") else { return nil }
        return enumValue(key)
    }

    // MARK: Times

    /// The value of a required key holding a Smarthub time.
    mutating func requiredTime(_ key: Key) -> Timestamp? {
        guard isPresent(key, required: true, expecting: Self.timeExpectation) else { return nil }
        return time(key)
    }

    /// The value of an optional key holding a Smarthub time; nil when absent or null.
    mutating func optionalTime(_ key: Key) -> Timestamp? {
        guard isPresent(key, required: false, expecting: "") else { return nil }
        return time(key)
    }

    // MARK: Lists

    /// The elements of a required list, each decoded on its own so that every bad element is reported.
    mutating func requiredList<Element: Decodable>(_ key: Key) -> [Element]? {
        guard isPresent(key, required: true, expecting: "a list") else { return nil }
        return list(key)
    }

    /// The elements of an optional list; nil when absent or null.
    mutating func optionalList<Element: Decodable>(_ key: Key) -> [Element]? {
        guard isPresent(key, required: false, expecting: "") else { return nil }
        return list(key)
    }

    // MARK: Helpers

    private static var timeExpectation: String { "a time such as 2025-03-15T08:00:00+0000" }

    private static func choices<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> String where Value.RawValue == String {
        "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
    }

    private static func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// True when `key` has a non-null value; records a problem when a required key is missing or null.
    private mutating func isPresent(_ key: Key, required: Bool, expecting: String) -> Bool {
        guard container.contains(key) else {
            if required { report(key, "missing required key '\(key.rawValue)'") }
            return false
        }
        if (try? container.decodeNil(forKey: key)) == true {
            if required { report(key, "expected \(expecting), got null") }
            return false
        }
        return true
    }

    private mutating func value<Value: Decodable>(_ key: Key, expecting: String) -> Value? {
        do {
            return try container.decode(Value.self, forKey: key)
        } catch {
            record(error, at: key, expecting: expecting)
            return nil
        }
    }

    private mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ key: Key) -> Value? where Value.RawValue == String {
        let expecting = Self.choices(Value.self)
        guard let text: String = value(key, expecting: expecting) else { return nil }
        guard let result = Value(rawValue: text) else {
            report(key, "expected \(expecting), got \(SeedValueDescription.quoted(text))")
            return nil
        }
        return result
    }

    private mutating func time(_ key: Key) -> Timestamp? {
        guard let text: String = value(key, expecting: Self.timeExpectation) else { return nil }
        do {
            let time = try Timestamp(smarthub: text)
            // The core also reads a space for the offset's `+` (an unencoded `+` in a query); a seed has the sign.
            guard !text.contains(" ") else {
                report(key, "'\(text)' is not a time in the format yyyy-MM-dd'T'HH:mm:ssZ: the offset starts with + or -")
                return nil
            }
            return time
        } catch {
            report(key, error.message)
            return nil
        }
    }

    private mutating func list<Element: Decodable>(_ key: Key) -> [Element]? {
        var elements: [Element] = []
        var failed = false
        do {
            var items = try container.nestedUnkeyedContainer(forKey: key)
            while !items.isAtEnd {
                let index = items.currentIndex
                let attempt = try items.decode(DecodeAttempt<Element>.self)
                switch attempt.result {
                case .success(let element):
                    elements.append(element)
                case .failure(let error):
                    failed = true
                    let element = ListElement(index: index, line: attempt.line ?? location.line(of: key.rawValue), found: attempt.found)
                    recordElement(error, element, key: key, expecting: SeedValueDescription.expected(Element.self))
                }
            }
        } catch {
            record(error, at: key, expecting: "a list")
            return nil
        }
        return failed ? nil : elements
    }

    /// Records `error`, thrown while decoding the value of `key`.
    private mutating func record(_ error: any Error, at key: Key, expecting: String) {
        switch error {
        case let nested as SeedProblems:
            problems += nested.problems
        case let decodingError as DecodingError where Self.isAtValue(decodingError, path: container.codingPath + [key]):
            let found = (try? container.superDecoder(forKey: key)).flatMap(SeedValueDescription.actual(in:)).map { ", got \($0)" } ?? ""
            report(key, "expected \(expecting)\(found)")
        case let decodingError as DecodingError:
            problems.append(SeedProblem(decodingError, line: location.line(of: key.rawValue)))
        default:
            report(key, "\(error)")
        }
    }

    /// Where an element of a list is and what it holds, for reporting it.
    private struct ListElement {
        /// The position in the list.
        var index: Int
        /// The line where the element starts.
        var line: Int?
        /// What the element is (`'text'`, `a mapping` …), if known.
        var found: String?
    }

    /// Records `error`, thrown while decoding `element` of the list at `key`, which should be `expecting`.
    private mutating func recordElement(_ error: any Error, _ element: ListElement, key: Key, expecting: String) {
        let listPath = container.codingPath + [key]
        let elementPath = SeedPath.appending(index: element.index, to: SeedPath.appending(key.rawValue, to: path))
        switch error {
        case let nested as SeedProblems:
            problems += nested.problems
        case let decodingError as DecodingError where Self.isAtValue(decodingError, path: listPath, index: element.index):
            let found = element.found.map { ", got \($0)" } ?? ""
            problems.append(SeedProblem(path: elementPath, message: "expected \(expecting)\(found)", line: element.line))
        case let decodingError as DecodingError:
            problems.append(SeedProblem(decodingError, line: element.line))
        default:
            problems.append(SeedProblem(path: elementPath, message: "\(error)", line: element.line))
        }
    }

    /// True when `error` is about the value at `path` itself rather than something inside it.
    private static func isAtValue(_ error: DecodingError, path: [any CodingKey], index: Int? = nil) -> Bool {
        let errorPath: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            errorPath = context.codingPath
        default:
            return false
        }
        let expected = SeedPath.render(path)
        return SeedPath.render(errorPath) == (index.map { SeedPath.appending(index: $0, to: expected) } ?? expected)
    }

    private mutating func report(_ key: Key, _ message: String) {
        problems.append(SeedProblem(path: SeedPath.appending(key.rawValue, to: path), message: message, line: location.line(of: key.rawValue)))
    }
}
