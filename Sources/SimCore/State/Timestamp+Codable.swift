/// A timestamp in a state document: written in the Smarthub format, with milliseconds when it has any
/// (`2025-03-15T08:00:00+0000`, `2025-03-15T08:00:00.020+0000`), so that a state reads back exactly;
/// read in every form ``Timestamp/init(smarthub:)`` reads.
extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Timestamp(smarthub: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let milliseconds = ((millisecondsSinceEpoch % 1000) + 1000) % 1000
        guard milliseconds != 0 else { return try container.encode(smarthubString) }
        var text = smarthubString
        let fraction = String(milliseconds)
        text.insert(contentsOf: "." + String(repeating: "0", count: 3 - fraction.count) + fraction, at: text.index(text.startIndex, offsetBy: 19))
        try container.encode(text)
    }
}

/// A duration in a state document: whole milliseconds.
extension SimDuration: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(milliseconds: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}

/// A push data value in a state document: a JSON string, integer or null.
extension PushValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// A fault's path pattern in a state document: the pattern as written.
extension FaultPathPattern: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let pattern = FaultPathPattern(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a path pattern of the public API: \(text)")
        }
        self = pattern
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A webhook in a state document; its event types sorted, so the same webhook always reads the same.
extension WebhookConfiguration: Codable {
    private enum CodingKeys: String, CodingKey { case url, secret, eventTypes, accountName }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let url = try container.decode(String.self, forKey: .url)
        if let problem = WebhookURLRule.problem(with: url) {
            throw DecodingError.dataCorruptedError(forKey: .url, in: container, debugDescription: problem)
        }
        self.init(
            url: url, secret: try container.decodeIfPresent(String.self, forKey: .secret),
            eventTypes: try container.decodeIfPresent([PushEventType].self, forKey: .eventTypes).map(Set.init),
            accountName: try container.decodeIfPresent(String.self, forKey: .accountName))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(secret, forKey: .secret)
        try container.encode(eventTypes.map { $0.map(\.rawValue).sorted() }, forKey: .eventTypes)
        try container.encode(accountName, forKey: .accountName)
    }
}
