import Foundation
import Hummingbird
import SimCore

/// Reads query parameters; an unreadable value (an empty one included) is 422 `invalid` with
/// resource `query`.
struct QueryReader {
    private let parameters: [String: String]

    init(_ request: Request) {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where parameters[String(key)] == nil {
            let name = String(key).removingPercentEncoding ?? String(key)
            parameters[name] = String(value)
        }
        self.parameters = parameters
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
