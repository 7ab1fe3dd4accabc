import Foundation

/// The one JSON configuration of the server: keys sorted so the same world gives the same bytes,
/// slashes unescaped.
public enum JSONCoding {
    /// The encoder of every response body.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
