import Foundation

/// Finds a key that appears twice in one object of a JSON text. The JSON decoder would keep the
/// first and drop the other without a word; a request body with such a key is refused instead.
///
/// ```swift
/// JSONDuplicateKeys.first(in: Array(#"{"a": 1, "a": 2}"#.utf8))  // "a"
/// ```
enum JSONDuplicateKeys {
    /// The first key repeated within one object, or nil. `text` must be valid JSON (decode it first);
    /// keys are compared after their escapes are resolved, so `"a"` and `"\u0061"` are the same key.
    static func first(in text: [UInt8]) -> String? {
        // One entry per open container: the keys seen so far in an object, nil for an array.
        var containers: [Set<[UInt8]>?] = []
        var expectingKey = false
        var index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "{"):
                containers.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                containers.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                containers.removeLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = containers.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let start = index
                var escaped = false
                index += 1
                while text[index] != UInt8(ascii: "\"") {
                    if text[index] == UInt8(ascii: "\\") {
                        escaped = true
                        index += 1
                    }
                    index += 1
                }
                guard expectingKey, !containers.isEmpty else { break }
                expectingKey = false
                let key = escaped ? unescaped(text[start...index]) : Array(text[(start + 1)..<index])
                if containers[containers.count - 1]?.insert(key).inserted == false { return String(decoding: key, as: UTF8.self) }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The UTF-8 bytes of a JSON string token with its escapes resolved.
    private static func unescaped(_ token: ArraySlice<UInt8>) -> [UInt8] {
        guard let string = try? JSONDecoder().decode(String.self, from: Data(token)) else { return Array(token) }
        return Array(string.utf8)
    }
}
