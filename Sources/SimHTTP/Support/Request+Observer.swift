import Hummingbird

extension Request {
    /// True for a GET sent with `X-Sim-Observer` (as the dashboard sends its reads): it only looks
    /// at the world, so the request journal does not record it, and HTTP faults and the rate limit
    /// neither apply to it nor are used up by it. Every other request is treated as usual.
    var isObserverRead: Bool {
        method == .get && headers[.simObserver] != nil
    }
}
