import Foundation

extension SeedProblem {
    /// The problem a `DecodingError` describes, at the entry path of its coding path.
    ///
    /// Entries describe their own values more precisely (with the value found); this covers the rest.
    init(_ error: DecodingError, line: Int? = nil) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(path: SeedPath.render(context.codingPath), message: "expected \(SeedValueDescription.expected(type))", line: line)
        case .valueNotFound(let type, let context):
            self.init(
                path: SeedPath.render(context.codingPath), message: "expected \(SeedValueDescription.expected(type)), got null", line: line)
        case .keyNotFound(let key, let context):
            self.init(path: SeedPath.render(context.codingPath + [key]), message: "missing required key '\(key.stringValue)'", line: line)
        case .dataCorrupted(let context):
            self.init(path: SeedPath.render(context.codingPath), message: Self.corruptionMessage(context), line: line)
        @unknown default:
            self.init(path: "", message: "\(error)", line: line)
        }
    }

    /// The reason of a `dataCorrupted` error: the underlying parser's words when there are some.
    private static func corruptionMessage(_ context: DecodingError.Context) -> String {
        guard let underlying = context.underlyingError else { return context.debugDescription }
        let detail = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(underlying)"
        return "\(context.debugDescription) \(detail)"
    }
}
