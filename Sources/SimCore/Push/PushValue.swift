/// A value in the `data` of a push: the few JSON types pushes carry.
public enum PushValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case null

    /// A string, or null when nil.
    public static func optional(_ text: String?) -> PushValue { text.map(PushValue.string) ?? .null }

    /// A time in the Smarthub format, or null when nil.
    public static func time(_ time: Timestamp?) -> PushValue { optional(time?.smarthubString) }
}
