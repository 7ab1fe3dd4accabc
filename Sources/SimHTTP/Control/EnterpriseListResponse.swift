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

    init(_ enterprise: Enterprise) {
        name = enterprise.name
        apiKey = enterprise.apiKey
        status = enterprise.status.rawValue
        createdTime = enterprise.createdTime.smarthubString
    }
}
