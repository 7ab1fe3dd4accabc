import Foundation

extension SeedProblem {
    /// The syntax error of a JSON document that `JSONDecoder` refused without details.
    ///
    /// `JSONSerialization` says what and where ("Invalid value around character 15."); the
    /// character offset gives the line.
    static func jsonSyntax(in data: Data) -> SeedProblem {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return SeedProblem(path: "", message: "JSON syntax error")
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            return SeedProblem(path: "", message: "JSON syntax error: \(detail)", line: line(in: data, describedBy: detail))
        }
    }

    /// The line of the offset named by "around character N", if the detail names one.
    private static func line(in data: Data, describedBy detail: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        guard let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)) else { return nil }
        return data.prefix(offset).reduce(1) { lines, byte in byte == UInt8(ascii: "\n") ? lines + 1 : lines }
    }
}
