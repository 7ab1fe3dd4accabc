import Hummingbird
import SimCore
import SimResources

/// `GET /_sim/health`, `POST /_sim/reset` and `GET /_sim/openapi.yaml`.
struct SystemController {
    let simulator: Simulator
    /// Emptied by a reset.
    let journal: RequestJournal

    /// Routes open even when an admin token is set (health checks, the contract).
    func registerOpen(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "health") { _, _ in
            let clock = simulator.clockReading()
            return JSONResponse(
                HealthResponse(version: ServerInfo.version, now: clock.now.smarthubString, clockMode: clock.mode.rawValue))
        }
        routes.on(.get, "openapi.yaml") { _, _ in YAMLDocument(text: EmbeddedResources.controlOpenAPIYAML) }
    }

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.post, "reset") { _, _ in
            let now = simulator.reset()
            journal.removeAll()
            return JSONResponse(NowResponse(now: now.smarthubString))
        }
    }
}
