import Hummingbird
import SimCore

/// `GET|POST /_sim/traffic`: background data traffic for an enterprise's ACTIVATED SIMs.
struct BackgroundTrafficController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "traffic") { request, _ in
            JSONResponse(BackgroundTrafficResponse(try simulator.backgroundTraffic(enterprise: try scope.enterprise(of: request))))
        }
        routes.on(.post, "traffic") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Traffic")
            try body.rejectUnknownKeys(allowed: ["enterpriseName", "enabled", "bytesPerDay"])
            let enterprise = try scope.enterprise(of: request, body: body)
            guard let enabled = try body.boolean("enabled") else { throw body.missing("enabled") }
            let bytesPerDay = try body.integer("bytesPerDay").map(Int64.init)
            let traffic = try simulator.setBackgroundTraffic(enabled: enabled, bytesPerDay: bytesPerDay, enterprise: enterprise)
            return JSONResponse(BackgroundTrafficResponse(traffic))
        }
    }
}

/// The wire form of the background traffic setting.
struct BackgroundTrafficResponse: Encodable, Sendable {
    let enabled: Bool
    let bytesPerDay: Int64
    let until: String?

    init(_ traffic: BackgroundTraffic) {
        enabled = traffic.enabled
        bytesPerDay = traffic.bytesPerDay
        until = traffic.until?.smarthubString
    }

    private enum CodingKeys: String, CodingKey { case enabled, bytesPerDay, until }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(bytesPerDay, forKey: .bytesPerDay)
        try container.encode(until, forKey: .until)
    }
}
