import Hummingbird
import SimCore

/// Which enterprise a control call concerns: `enterpriseName` in the body or the query, else the
/// enterprise of an `X-API-Key` header, else the demo enterprise.
struct ControlScope {
    let simulator: Simulator

    /// The enterprise the call concerns; the demo enterprise when it names none.
    func enterprise(of request: Request, body: JSONObject? = nil) throws -> String {
        try namedEnterprise(of: request, body: body) ?? existing(simulator.demoEnterpriseName)
    }

    /// The enterprise the call names with `enterpriseName` or `X-API-Key`; nil when it names none.
    func namedEnterprise(of request: Request, body: JSONObject? = nil) throws -> String? {
        if let named = try body?.string("enterpriseName") ?? QueryReader(request).string("enterpriseName") {
            return try existing(named)
        }
        guard let key = request.headers[.apiKey] else { return nil }
        guard let owner = simulator.enterpriseName(forAPIKey: key) else { throw HTTPProblem.invalidAPIKey }
        return try existing(owner)
    }

    private func existing(_ name: String) throws -> String {
        guard simulator.hasEnterprise(named: name) else { throw SimError.notFound("Enterprise", field: "enterpriseName") }
        return name
    }
}
