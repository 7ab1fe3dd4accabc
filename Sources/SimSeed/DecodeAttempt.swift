import Yams

/// Decodes one element of a list without stopping the list: the element's value or its error.
///
/// Decoding an element this way always succeeds, so the list goes on to the next element and
/// every bad element is reported.
struct DecodeAttempt<Value: Decodable>: Decodable {
    /// The element, or the error that decoding it threw.
    let result: Result<Value, any Error>
    /// The line where the element starts (YAML sources only).
    let line: Int?
    /// What the element is (`'text'`, `a mapping` …) when it failed to decode; nil when it decoded.
    let found: String?

    /// Decodes a `Value`, keeping its error instead of throwing it.
    init(from decoder: any Decoder) {
        line = decoder.mark?.line
        do {
            result = .success(try Value(from: decoder))
            found = nil
        } catch {
            result = .failure(error)
            found = SeedValueDescription.actual(in: decoder)
        }
    }
}
