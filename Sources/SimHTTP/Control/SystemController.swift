import Hummingbird
import SimCore
import SimResources

/// `GET /_sim/health`, `POST /_sim/reset` and `GET /_sim/openapi.yaml`.
struct SystemController {
    let simulator: Simulator
    /// Emptied by a reset.
    let journal: RequestJournal
    /// Shown by the dashboard (health's `warnings`) when the control API is open beyond this machine.
    var exposureWarning: String?

    /// Registers the routes. Like the rest of the control API, they need the admin token when the server has one.
    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "health") { _, _ in
            let clock = simulator.clockReading()
            return JSONResponse(
                HealthResponse(
                    version: ServerInfo.version, now: clock.now.smarthubString, clockMode: clock.mode.rawValue,
                    warnings: exposureWarning.map { [$0] } ?? []))
        }
        routes.on(.get, "openapi.yaml") { _, _ in YAMLDocument(text: EmbeddedResources.controlOpenAPIYAML) }
        routes.on(.post, "reset") { _, _ in
            let now = await simulator.resetTakingTurn()
            journal.removeAll()
            return JSONResponse(NowResponse(now: now.smarthubString))
        }
    }
}
