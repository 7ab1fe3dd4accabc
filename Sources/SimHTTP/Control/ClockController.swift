import Hummingbird
import SimCore

/// `GET|PUT /_sim/clock` and `POST /_sim/clock/advance` (which answers once the pushes it made
/// due have been delivered). A call scoped to an enterprise with its own clock (`enterpriseName`
/// or `X-API-Key`) reads and moves that clock only; any other call, the world clock.
struct ClockController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "clock") { request, _ in
            JSONResponse(ClockResponse(simulator.clockReading(for: try scope.namedEnterprise(of: request))))
        }
        routes.on(.put, "clock") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Clock")
            try body.rejectUnknownKeys(allowed: ["mode", "now", "scale", "enterpriseName"])
            let reading = try simulator.configureClock(
                mode: try body.enumeration("mode", ClockMode.self), scale: try body.number("scale"), now: try body.timestamp("now"),
                for: try scope.namedEnterprise(of: request, body: body))
            return JSONResponse(ClockResponse(reading))
        }
        routes.on(.post, "clock/advance") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Clock")
            try body.rejectUnknownKeys(allowed: ["by", "to", "enterpriseName"])
            let enterprise = try scope.namedEnterprise(of: request, body: body)
            let now: Timestamp
            switch (try body.duration("by"), try body.timestamp("to")) {
            case (let duration?, nil): now = try await simulator.advanceAndDeliver(by: duration, for: enterprise)
            case (nil, let target?): now = try await simulator.advanceAndDeliver(to: target, for: enterprise)
            case (nil, nil): throw body.missing("by")
            case (.some, .some): throw body.invalid("to", "give either by or to, not both")
            }
            return JSONResponse(NowResponse(now: now.smarthubString))
        }
    }
}
