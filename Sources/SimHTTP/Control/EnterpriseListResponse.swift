import SimCore

/// `{"enterprises": […]}`: every enterprise with its key (`GET /_sim/enterprises`).
struct EnterpriseListResponse: Encodable, Sendable {
    let enterprises: [ListedEnterpriseResponse]
}

/// The wire form of an enterprise as the control API lists it.
struct ListedEnterpriseResponse: Encodable, Sendable {
    let name: String
    let apiKey: String
    let status: String
    let createdTime: String
    /// The clock it lives by: `{"kind":"own"|"shared","now","mode","scale"}`.
    let clock: ListedClockResponse

    init(_ listed: ListedEnterprise) {
        let enterprise = listed.enterprise
        name = enterprise.name
        apiKey = enterprise.apiKey
        status = enterprise.status.rawValue
        createdTime = enterprise.createdTime.smarthubString
        clock = ListedClockResponse(listed.clock)
    }
}

/// The wire form of the clock an enterprise lives by, in the control API's list of enterprises.
struct ListedClockResponse: Encodable, Sendable {
    let kind: String
    let now: String
    let mode: String
    let scale: Double

    init(_ reading: ClockReading) {
        kind = reading.isOwn ? "own" : "shared"
        now = reading.now.smarthubString
        mode = reading.mode.rawValue
        scale = reading.scale
    }
}
