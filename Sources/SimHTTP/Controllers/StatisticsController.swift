import Hummingbird
import SimCore

/// `GET /global-sims/statistics/countries?cycleName=YYYY-MM`: usage per country in a billing cycle.
struct StatisticsController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "global-sims/statistics/countries") { request, context in
            let query = QueryReader(request)
            let cycleName = query.string("cycleName")
            if let cycleName, !Self.isCycleName(cycleName) {
                throw HTTPProblem.validationFailed([
                    .init(resource: "query", field: "cycleName", code: "invalid", message: "a cycle name is a month YYYY-MM")
                ])
            }
            let result = try simulator.countryStatistics(
                cycleName: cycleName, page: try query.pageRequest(), enterprise: try context.requireEnterprise())
            return JSONResponse(CountryStatisticsResponse(cycleName: result.cycleName, page: result.countries))
        }
    }

    /// `YYYY-MM` with a month from 01 to 12.
    static func isCycleName(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1])
        else { return false }
        return (1...12).contains(month)
    }
}

/// The wire form of the country statistics of a cycle, paged.
struct CountryStatisticsResponse: Encodable, Sendable {
    let cycleName: String
    let page: Page<CountryUsage>

    private enum Key: String, CodingKey {
        case cycleName, countries, page, size, total
    }

    private struct Country: Encodable {
        let countryCode: String
        let mccs: [String]
        let dataBytes: Int64
        let smsCount: Int
        let simCount: Int
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(cycleName, forKey: .cycleName)
        let countries = page.items.map {
            Country(countryCode: $0.countryCode, mccs: $0.mccs, dataBytes: $0.dataBytes, smsCount: $0.smsCount, simCount: $0.simCount)
        }
        try container.encode(countries, forKey: .countries)
        try container.encode(page.request.page, forKey: .page)
        try container.encode(page.request.size, forKey: .size)
        try container.encode(page.total, forKey: .total)
    }
}
