import Hummingbird
import Logging
import NIOCore
import SimCore
import SimStore

/// How the server listens and who may use the control API.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// When set, `/_sim` (all but the dashboard's files) needs `Authorization: Bearer <token>`.
    public var adminToken: String?
    /// The names of `--allowed-hosts` (nil when not given): see ``HostAllowList``.
    public var allowedHosts: [String]?
    /// How long a connection may stay without a complete request part (head or body) before the
    /// server closes it: idle keep-alive connections and clients that send their headers too slowly.
    /// Nil keeps connections open for ever.
    public var idleTimeout: Duration?

    /// The idle timeout of `serve` unless told otherwise.
    public static let defaultIdleTimeout: Duration = .seconds(60)

    /// A configuration; the defaults are the documented ones.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminToken: String? = nil, allowedHosts: [String]? = nil,
        idleTimeout: Duration? = ServerConfiguration.defaultIdleTimeout
    ) {
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.allowedHosts = allowedHosts
        self.idleTimeout = idleTimeout
    }

    /// What the network and web pages may do with a server so configured.
    public var accessPolicy: WebAccessPolicy {
        WebAccessPolicy(listeningOn: ListeningAddress(host), allowedHosts: allowedHosts, hasAdminToken: adminToken != nil)
    }
}

/// Builds the router of the whole server: the public API under `/v1` and the control API under `/_sim`.
/// Requests of the public API are recorded in `journal`; with a `saver`, what each request changed
/// is saved before its answer leaves. `access` says which `Host` values are answered, how tenant
/// keys are made and what the dashboard warns of; control calls from another site's page are
/// refused whatever it says (as are other writes from another site's page). The delays of HTTP
/// faults are waited on `clock`.
///
/// ```swift
/// let router = buildRouter(simulator: simulator, adminToken: nil, journal: RequestJournal(capacity: 100))
/// let app = Application(router: router)
/// ```
public func buildRouter(
    simulator: Simulator, adminToken: String?, journal: RequestJournal = RequestJournal(), saver: WorldSaver? = nil,
    access: WebAccessPolicy = .unrestricted, clock: any Clock<Duration> = ContinuousClock()
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let catalog = RouteCatalog()
    // Outermost, so that the logged duration covers the whole answer.
    router.add(middleware: RequestLogMiddleware())
    // Before anything records or changes: a request for another host is answered and forgotten.
    router.add(middleware: HostCheckMiddleware(hosts: access.hosts))
    // Before the body is looked at, so that a cross-site call is refused as such whatever its content type.
    router.add(middleware: CrossSiteRequestMiddleware())
    // Outside everything else, so that it records the final answer, problem answers included.
    router.add(middleware: RequestJournalMiddleware(journal: journal, simulator: simulator))
    // Outside the problem middleware, so that refused requests (which may have used up a fault) are saved too.
    if let saver { router.add(middleware: PersistenceMiddleware(saver: saver)) }
    router.add(middleware: ProblemMiddleware(catalog: catalog))
    router.add(middleware: JSONBodyMiddleware())

    let root = RootController()
    root.registerSpec(on: CatalogedRoutes(group: router.group("v1"), catalog: catalog, prefix: "/v1"))
    let publicAPI = router.group("v1").add(middleware: APIKeyMiddleware(simulator: simulator)).add(
        middleware: FaultMiddleware(simulator: simulator, clock: clock))
    let publicRoutes = CatalogedRoutes(group: publicAPI, catalog: catalog, prefix: "/v1")
    root.register(on: publicRoutes)
    EnterpriseController(simulator: simulator).register(on: publicRoutes)
    SIMController(simulator: simulator).register(on: publicRoutes)
    SIMServicePackageController(simulator: simulator).register(on: publicRoutes)
    BatchJobController(simulator: simulator).register(on: publicRoutes)
    StatisticsController(simulator: simulator).register(on: publicRoutes)
    SMSController(simulator: simulator).register(on: publicRoutes)
    SharePoolController(simulator: simulator).register(on: publicRoutes)

    // The dashboard's files hold no data: the page itself sends the admin token with its calls.
    DashboardController().register(on: CatalogedRoutes(group: router.group("_sim"), catalog: catalog, prefix: "/_sim"))
    var controlAPI = router.group("_sim")
    if let adminToken { controlAPI = controlAPI.add(middleware: AdminTokenMiddleware(token: adminToken)) }
    let controlRoutes = CatalogedRoutes(group: controlAPI, catalog: catalog, prefix: "/_sim")
    SystemController(simulator: simulator, journal: journal, exposureWarning: access.exposureWarning).register(on: controlRoutes)
    ClockController(simulator: simulator).register(on: controlRoutes)
    TenantController(simulator: simulator, keyPolicy: access.tenantKeys).register(on: controlRoutes)
    SIMInjectionController(simulator: simulator).register(on: controlRoutes)
    MOSMSController(simulator: simulator).register(on: controlRoutes)
    SettingsController(simulator: simulator).register(on: controlRoutes)
    WebhookController(simulator: simulator).register(on: controlRoutes)
    SessionController(simulator: simulator).register(on: controlRoutes)
    BackgroundTrafficController(simulator: simulator).register(on: controlRoutes)
    FaultController(simulator: simulator).register(on: controlRoutes)
    StateController(simulator: simulator).register(on: controlRoutes)
    RequestJournalController(simulator: simulator, journal: journal).register(on: controlRoutes)
    BatchJobListController(simulator: simulator).register(on: controlRoutes)
    return router
}

/// Builds the server application: the router, the real-clock service, and a callback once listening.
/// Everything that waits (the real clock's turns, the persistence loop, fault delays) waits on `clock`.
public func buildApplication(
    simulator: Simulator, configuration: ServerConfiguration, wallClock: any WallClock, logger: Logger,
    journal: RequestJournal = RequestJournal(), saver: WorldSaver? = nil, clock: any Clock<Duration> = ContinuousClock(),
    onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var app = Application(
        router: buildRouter(
            simulator: simulator, adminToken: configuration.adminToken, journal: journal, saver: saver, access: configuration.accessPolicy,
            clock: clock),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [HTTPParserErrorHandler()], idleTimeout: configuration.idleTimeout.map { TimeAmount($0) })),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "smarthub-sim"),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
    app.addServices(RealClockService(simulator: simulator, wallClock: wallClock, clock: clock), PushDispatchService(simulator: simulator))
    if let saver { app.addServices(PersistenceService(saver: saver, logger: logger, clock: clock)) }
    return app
}
