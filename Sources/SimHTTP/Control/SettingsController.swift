import Hummingbird
import SimCore

/// `GET|PUT /_sim/settings`: how the platform behaves for one enterprise.
struct SettingsController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "settings") { request, _ in
            JSONResponse(SettingsResponse(try simulator.settings(enterprise: try scope.enterprise(of: request))))
        }
        routes.on(.put, "settings") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Settings")
            try body.rejectUnknownKeys(allowed: ["enterpriseName", "batchStartDelay", "batchTaskInterval"])
            let enterprise = try scope.enterprise(of: request, body: body)
            var settings = try simulator.settings(enterprise: enterprise)
            if let delay = try body.duration("batchStartDelay") { settings.batchStartDelay = delay }
            if let interval = try body.duration("batchTaskInterval") { settings.batchTaskInterval = interval }
            return JSONResponse(SettingsResponse(try simulator.updateSettings(settings, enterprise: enterprise)))
        }
    }
}

/// The wire form of an enterprise's settings; durations in seconds.
struct SettingsResponse: Encodable, Sendable {
    let batchStartDelay: Double
    let batchTaskInterval: Double

    init(_ settings: EnterpriseSettings) {
        batchStartDelay = Double(settings.batchStartDelay.milliseconds) / 1000
        batchTaskInterval = Double(settings.batchTaskInterval.milliseconds) / 1000
    }
}
