import Testing

@testable import SimHTTP

/// A key repeated within one object is found, wherever the object is; the same key in different
/// objects, and strings that only look like keys, are not repeats.
@Suite struct JSONDuplicateKeysTests {
    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "a"),
        (#"{"a": 1, "\u0061": 2}"#, "a"),
        (#"{"x": {"b": [1, {"c": 1, "c": "2"}]}}"#, "c"),
        (#"[{"k": 1}, {"k": 1, "m": 2, "k": 3}]"#, "k"),
        (#"{"q\"": 1, "q\"": 2}"#, "q\""),
    ])
    func aRepeatedKeyIsFound(text: String, key: String) {
        #expect(JSONDuplicateKeys.first(in: Array(text.utf8)) == key)
    }

    @Test(arguments: [
        #"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#,
        #"{"a": "a", "b": ["a", "a"], "c": "\"a\": 1, \"a\": 2"}"#,
        #"[1, "x", {"y": null}, [], {}]"#,
        #""just a string""#,
    ])
    func noRepeatIsFoundWhereThereIsNone(text: String) {
        #expect(JSONDuplicateKeys.first(in: Array(text.utf8)) == nil)
    }
}
