/// One kind of push: its event type and the `data` object of its envelope.
///
/// Adding a kind is one small file: a struct conforming to this protocol, emitted where the
/// domain changes with `Tenant.emitPush(_:sim:at:)`.
public protocol PushKind: Sendable {
    /// The `eventType` of the envelope.
    static var eventType: PushEventType { get }
    /// The `data` object of the envelope.
    var data: [String: PushValue] { get }
}
