import Hummingbird

/// The request context of every route: Hummingbird's core storage plus the enterprise whose API
/// key (or control-API selection) the request carries.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The enterprise found by ``APIKeyMiddleware``; nil on routes that need no key.
    public var enterpriseName: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        enterpriseName = nil
    }

    /// Bodies over 1 MiB are refused with 413.
    public var maxUploadSize: Int { RequestBodyReader.maximumBodyBytes }
}
