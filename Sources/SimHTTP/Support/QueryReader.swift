import Foundation
import Hummingbird
import SimCore

/// Reads query parameters; an unreadable value (an empty one included) is 422 `invalid` with
/// resource `query`.
///
/// The query is read as HTML forms and most HTTP clients write it: `+` is a space, then
/// percent-escapes are decoded (`?accountName=Fleet+Prepaid` and `?accountName=Fleet%20Prepaid`
/// are the same; `%2B` is a plus). The first of repeated parameters counts.
struct QueryReader {
    private let parameters: [String: String]

    init(_ request: Request) {
        self.init(query: request.uri.query ?? "")
    }

    /// Reads the query part of a URI (without its `?`).
    init(query: String) {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard parameters[name] == nil else { continue }
            parameters[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.parameters = parameters
    }

    /// A name or value with `+` read as a space and its percent-escapes decoded; text whose
    /// escapes are not UTF-8 is kept as sent.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A parameter's text; nil when absent.
    func string(_ name: String) -> String? { parameters[name] }

    /// `page` and `size`, with their defaults and limits.
    func pageRequest(defaultSize: Int = PageRequest.defaultSize) throws -> PageRequest {
        do {
            return try PageRequest(page: try integer("page") ?? 0, size: try integer("size") ?? defaultSize)
        } catch let error as SimError {
            throw error.httpProblem
        }
    }

    /// An integer parameter.
    func integer(_ name: String) throws -> Int? {
        guard let text = parameters[name] else { return nil }
        guard let value = Int(text) else { throw invalid(name, "\(name) must be an integer") }
        return value
    }

    /// A parameter holding one of an enum's raw values.
    func enumeration<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = parameters[name] else { return nil }
        guard let value = Value(rawValue: text) else {
            throw invalid(name, "one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// A time parameter in the Smarthub format.
    func timestamp(_ name: String) throws -> Timestamp? {
        guard let text = parameters[name] else { return nil }
        do {
            return try Timestamp(smarthub: text)
        } catch {
            throw invalid(name, error.message)
        }
    }

    private func invalid(_ name: String, _ message: String) -> HTTPProblem {
        .validationFailed([.init(resource: "query", field: name, code: "invalid", message: message)])
    }
}
