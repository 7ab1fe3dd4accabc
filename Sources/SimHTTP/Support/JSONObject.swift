import SimCore

/// A JSON object of a request body, read field by field: a value of the wrong JSON type is 400
/// (`null` included, except where a field is read as nullable), a missing required field is
/// 422 `missing_field`, an unknown key is 422 `invalid`.
struct JSONObject: Sendable {
    let fields: [String: JSONValue]
    /// The `resource` named in field errors.
    let resource: String
    /// Prefix of field names in errors, for nested objects (`sims[2].`).
    let path: String

    init(_ fields: [String: JSONValue], resource: String, path: String = "") {
        self.fields = fields
        self.resource = resource
        self.path = path
    }

    /// True when the key is present, even with `null`.
    func contains(_ key: String) -> Bool { fields[key] != nil }

    /// Refuses keys other than `allowed`, naming each.
    func rejectUnknownKeys(allowed: Set<String>) throws {
        let unknown = fields.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw HTTPProblem.validationFailed(
                unknown.map { .init(resource: resource, field: path + $0, code: "invalid", message: "unknown field") })
        }
    }

    /// A string field that may be `null`; nil when absent or null.
    func nullableString(_ key: String) throws -> String? {
        fields[key] == .null ? nil : try string(key)
    }

    /// A string field; nil when absent.
    func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil: return nil
        case .string(let value): return value
        case let other?: throw wrongType(key, expected: "a string", got: other)
        }
    }

    /// A required string field.
    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else { throw missing(key) }
        return value
    }

    /// A boolean field; nil when absent.
    func boolean(_ key: String) throws -> Bool? {
        switch fields[key] {
        case nil: return nil
        case .bool(let value): return value
        case let other?: throw wrongType(key, expected: "a boolean", got: other)
        }
    }

    /// An integer field; nil when absent.
    func integer(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil: return nil
        case .integer(let value) where value >= Int64(Int.min) && value <= Int64(Int.max): return Int(value)
        case .number(let value) where value.rounded() == value && abs(value) < 9e15: return Int(value)
        case let other?: throw wrongType(key, expected: "an integer", got: other)
        }
    }

    /// A number field; nil when absent.
    func number(_ key: String) throws -> Double? {
        switch fields[key] {
        case nil: return nil
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case let other?: throw wrongType(key, expected: "a number", got: other)
        }
    }

    /// An array of strings; nil when absent.
    func strings(_ key: String) throws -> [String]? {
        try elements(key, expected: "an array of strings") { element, name in try element.string(name) }
    }

    /// An object field, read with the same rules, its errors naming `key.field`; nil when absent.
    func object(_ key: String) throws -> JSONObject? {
        switch fields[key] {
        case nil: return nil
        case .object(let fields): return JSONObject(fields, resource: resource, path: "\(path)\(key).")
        case let other?: throw wrongType(key, expected: "an object", got: other)
        }
    }

    /// An array of objects; nil when absent.
    func objects(_ key: String) throws -> [JSONObject]? {
        switch fields[key] {
        case nil: return nil
        case .array(let values):
            return try values.enumerated().map { index, value in
                guard case .object(let fields) = value else {
                    throw HTTPProblem.badRequest("\(path)\(key)[\(index)] should be an object, not \(value.typeName)")
                }
                return JSONObject(fields, resource: resource, path: "\(path)\(key)[\(index)].")
            }
        case let other?: throw wrongType(key, expected: "an array", got: other)
        }
    }

    /// A duration field: seconds as a number, or a string like "15m"; nil when absent.
    func duration(_ key: String) throws -> SimDuration? {
        let parsed: SimDuration?
        switch fields[key] {
        case nil: return nil
        case .integer(let seconds): parsed = SimDuration(seconds: Double(seconds))
        case .number(let seconds): parsed = SimDuration(seconds: seconds)
        case .string(let text): parsed = SimDuration(text: text)
        case let other?: throw wrongType(key, expected: "a number of seconds or a string like \"15m\"", got: other)
        }
        guard let parsed else { throw invalid(key, "a duration is a number of seconds or a string like \"90s\", \"15m\", \"2h\", \"3d\"") }
        return parsed
    }

    /// A list of integers; nil when absent.
    func integers(_ key: String) throws -> [Int]? {
        try elements(key, expected: "an array of integers") { element, name in try element.integer(name) }
    }

    /// A list of durations; nil when absent.
    func durations(_ key: String) throws -> [SimDuration]? {
        try elements(key, expected: "an array of durations") { element, name in try element.duration(name) }
    }

    /// An array field whose elements are each read by `read` as the single field `key[index]`
    /// of an object, so an element gets the same answers (400, 422) as a field of that type.
    private func elements<Element>(_ key: String, expected: String, read: (JSONObject, String) throws -> Element?) throws -> [Element]? {
        switch fields[key] {
        case nil: return nil
        case .array(let values):
            return try values.enumerated().map { index, value in
                let name = "\(key)[\(index)]"
                guard let element = try read(JSONObject([name: value], resource: resource, path: path), name) else {
                    throw wrongType(name, expected: expected, got: value)
                }
                return element
            }
        case let other?: throw wrongType(key, expected: expected, got: other)
        }
    }

    /// A time field in the Smarthub format; nil when absent.
    func timestamp(_ key: String) throws -> Timestamp? {
        guard let text = try string(key) else { return nil }
        do {
            return try Timestamp(smarthub: text)
        } catch {
            throw invalid(key, error.message)
        }
    }

    /// A string field holding one of an enum's raw values; nil when absent.
    func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw invalid(key, "one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// 422 `invalid` for `key`.
    func invalid(_ key: String, _ message: String) -> HTTPProblem {
        .validationFailed([.init(resource: resource, field: path + key, code: "invalid", message: message)])
    }

    /// 422 `missing_field` for `key`.
    func missing(_ key: String) -> HTTPProblem {
        .validationFailed([.init(resource: resource, field: path + key, code: "missing_field", message: "\(path + key) is required")])
    }

    private func wrongType(_ key: String, expected: String, got value: JSONValue) -> HTTPProblem {
        .badRequest("Body should be a JSON object: field '\(path + key)' should be \(expected), not \(value.typeName)")
    }
}
