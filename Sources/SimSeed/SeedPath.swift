/// Entry paths as written in seed error messages: `enterprises[0].accounts[1].chargeType`.
enum SeedPath {
    /// The path of a Codable coding path: list positions as `[n]`, keys joined by dots.
    static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// `path` followed by the key `key`.
    static func appending(_ key: String, to path: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// `path` followed by the list position `index`.
    static func appending(index: Int, to path: String) -> String {
        "\(path)[\(index)]"
    }
}
