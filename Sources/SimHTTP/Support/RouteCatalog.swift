import HTTPTypes
import Hummingbird
import Synchronization

/// Every route the server has (method and path pattern), so that a known path asked with another
/// method answers 405 with `Allow`, where the router alone would answer 404.
public final class RouteCatalog: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, segments: [String])]>([])

    /// An empty catalog.
    public init() {}

    /// Records a route; `{name}` segments match any one segment.
    func record(_ method: HTTPRequest.Method, _ pattern: String) {
        let segments = Self.segments(of: pattern)
        routes.withLock { $0.append((method, segments)) }
    }

    /// The methods of the routes whose pattern matches `path`, sorted.
    func allowedMethods(forPath path: String) -> [String] {
        let requested = Self.segments(of: path)
        return routes.withLock { routes in
            Set(routes.filter { Self.matches($0.segments, requested) }.map(\.method.rawValue)).sorted()
        }
    }

    private static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func matches(_ pattern: [String], _ path: [String]) -> Bool {
        pattern.count == path.count
            && zip(pattern, path).allSatisfy { patternSegment, segment in
                (patternSegment.hasPrefix("{") && patternSegment.hasSuffix("}")) || patternSegment == segment
            }
    }
}

/// Registers routes on a router group and records them in a ``RouteCatalog``.
struct CatalogedRoutes<Context: RequestContext> {
    let group: RouterGroup<Context>
    let catalog: RouteCatalog
    /// The group's path prefix, as the catalog sees full paths.
    let prefix: String

    /// Adds a route answering `method` at `path` (relative to the group).
    @discardableResult
    func on(
        _ method: HTTPRequest.Method, _ path: String,
        use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        group.on(RouterPath(path), method: method, use: handler)
        catalog.record(method, prefix + "/" + path)
        return self
    }
}
