import SimCore

/// `GET /_sim/health`.
struct HealthResponse: Encodable, Sendable {
    let status = "ok"
    let version: String
    let now: String
    let clockMode: String
    /// What the operator should know, such as a control API open beyond this machine; usually empty.
    let warnings: [String]
}

/// The clock as the control API shows it.
struct ClockResponse: Encodable, Sendable {
    let now: String
    let mode: String
    let scale: Double
    /// `own` for an enterprise's own clock, `shared` for the world clock.
    let clock: String

    init(_ reading: ClockReading) {
        now = reading.now.smarthubString
        mode = reading.mode.rawValue
        scale = reading.scale
        clock = reading.isOwn ? "own" : "shared"
    }
}

/// `{"now": "…"}`: the answer of reset and advance.
struct NowResponse: Encodable, Sendable {
    let now: String
}

/// A created enterprise and its key.
struct CreatedEnterpriseResponse: Encodable, Sendable {
    let name: String
    let apiKey: String
}

/// `{"sims": […]}`: SIMs created by the control API.
struct CreatedSIMsResponse: Encodable, Sendable {
    let sims: [SIMResponse]
}
