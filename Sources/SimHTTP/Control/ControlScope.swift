import Hummingbird
import SimCore

/// Which enterprise a control call concerns: `enterpriseName` in the body or the query, else the
/// enterprise of an `X-API-Key` header, else the demo enterprise.
struct ControlScope {
    let simulator: Simulator

    func enterprise(of request: Request, body: JSONObject? = nil) throws -> String {
        let name: String
        if let named = try body?.string("enterpriseName") ?? QueryReader(request).string("enterpriseName") {
            name = named
        } else if let key = request.headers[.apiKey] {
            guard let owner = simulator.enterpriseName(forAPIKey: key) else { throw HTTPProblem.invalidAPIKey }
            name = owner
        } else {
            name = simulator.demoEnterpriseName
        }
        guard simulator.hasEnterprise(named: name) else { throw SimError.notFound("Enterprise", field: "enterpriseName") }
        return name
    }
}
