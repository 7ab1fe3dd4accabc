import Hummingbird
import SimCore

/// `GET|PUT /_sim/clock` and `POST /_sim/clock/advance` (which answers once the pushes it made
/// due have been delivered).
struct ClockController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "clock") { _, _ in JSONResponse(ClockResponse(simulator.clockReading())) }
        routes.on(.put, "clock") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Clock")
            try body.rejectUnknownKeys(allowed: ["mode", "now", "scale"])
            let reading = try simulator.configureClock(
                mode: try body.enumeration("mode", ClockMode.self), scale: try body.number("scale"), now: try body.timestamp("now"))
            return JSONResponse(ClockResponse(reading))
        }
        routes.on(.post, "clock/advance") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Clock")
            try body.rejectUnknownKeys(allowed: ["by", "to"])
            let now: Timestamp
            switch (try body.duration("by"), try body.timestamp("to")) {
            case (let duration?, nil): now = try await simulator.advanceAndDeliver(by: duration)
            case (nil, let target?): now = try await simulator.advanceAndDeliver(to: target)
            case (nil, nil): throw body.missing("by")
            case (.some, .some): throw body.invalid("to", "give either by or to, not both")
            }
            return JSONResponse(NowResponse(now: now.smarthubString))
        }
    }
}
