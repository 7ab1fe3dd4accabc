import Foundation
import Hummingbird

extension AppRequestContext {
    /// A path parameter, percent-decoded (names may be non-ASCII, sent percent-encoded).
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// The enterprise found by the API-key middleware.
    func requireEnterprise() throws -> String {
        guard let enterpriseName else { throw HTTPProblem.invalidAPIKey }
        return enterpriseName
    }
}
