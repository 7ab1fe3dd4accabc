import Foundation
import SimCore

/// The JSON body of a push: the envelope with its kind's `data`, keys sorted so every attempt
/// of one push sends the same bytes.
public enum PushEnvelope {
    /// The body bytes of `event`.
    public static func body(of event: PushEvent) -> Data {
        (try? encoder.encode(PushEnvelopeJSON(event))) ?? Data()
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// The wire form of a push envelope, for any JSON encoder (the control API shows it as `payload`).
public struct PushEnvelopeJSON: Encodable, Sendable {
    let event: PushEvent

    /// The envelope of `event`.
    public init(_ event: PushEvent) { self.event = event }

    private enum Key: String, CodingKey {
        case eventId, eventType, eventTime, enterpriseName, accountName, giccid, data
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(event.eventId, forKey: .eventId)
        try container.encode(event.eventType.rawValue, forKey: .eventType)
        try container.encode(event.eventTime.smarthubString, forKey: .eventTime)
        try container.encode(event.enterpriseName, forKey: .enterpriseName)
        try container.encode(event.accountName, forKey: .accountName)
        try container.encode(event.giccid, forKey: .giccid)
        try container.encode(event.data.mapValues(DataValue.init), forKey: .data)
    }

    /// One value of `data`.
    private struct DataValue: Encodable {
        let value: PushValue

        init(_ value: PushValue) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .string(let text): try container.encode(text)
            case .integer(let number): try container.encode(number)
            case .null: try container.encodeNil()
            }
        }
    }
}
