import Foundation
import SimPush
import SimTestSupport
import Testing

@testable import SimHTTP

/// A month of the default seed's world on the simulator clock, through the HTTP APIs, with
/// background traffic and a live webhook receiver: prepaid terms end, add-ons and terms are used
/// up, thresholds trip once per cycle, and the billing cycle rolls over.
@Suite struct SimulatedMonthTests {
    /// Activated 2025-02-15T17:00Z on the 30-day Prepaid-Basic-1G: its term ends 2025-03-17T17:00Z.
    let expiringSIM = "8944102015031533405"
    /// Activated 2025-03-08T13:40Z on Prepaid-Basic-1G: its term runs to 2025-04-07.
    let addOnSIM = "8944102015031596964"
    /// An ACTIVATED Metering Postpaid SIM on Postpaid-Basic-100M (a monthly quota).
    let meterSIM = "8944102015031140847"

    /// The pushes received, decoded, in order.
    private func pushes(_ receiver: ReceiverApp) throws -> [[String: Any]] {
        try receiver.received.all.map { try #require(try JSONSerialization.jsonObject(with: $0.body) as? [String: Any]) }
    }

    private func data(_ push: [String: Any]) -> [String: Any] { push["data"] as? [String: Any] ?? [:] }

    private func advance(_ server: TestServer, to time: String) async throws {
        let reply = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"to": "\#(time)"}"#)
        #expect(reply.status == .ok && reply.json["now"] as? String == time)
    }

    private func sim(_ server: TestServer, _ giccid: String) async throws -> [String: Any] {
        try await server.send(.get, "/v1/global-sims/\(giccid)").json
    }

    private func allSIMs(_ server: TestServer) async throws -> [[String: Any]] {
        try await server.send(.get, "/v1/global-sims?size=1000").items("sims")
    }

    @Test func aMonthOfTrafficEndsTermsUsesUpPackagesAndRollsTheCycleOver() async throws {
        let receiver = ReceiverApp()
        let transport = HTTPPushTransport()
        try await receiver.run { base in
            try await TestServer.run(pushTransport: transport) { server in
                // Given a webhook, 200 MiB a day of background traffic, and a 500 MiB add-on on one prepaid SIM
                try await server.send(.put, "/_sim/webhooks", key: nil, json: #"{"url": "\#(base)/hook"}"#)
                let traffic = try await server.send(.post, "/_sim/traffic", key: nil, json: #"{"enabled": true, "bytesPerDay": 209715200}"#)
                #expect(traffic.status == .ok && traffic.json["enabled"] as? Bool == true)
                let order = try await server.send(
                    .post, "/v1/global-sims/\(addOnSIM)/servicePackages", json: #"{"servicePackageName": "Prepaid-Addon-500M"}"#)
                let orderId = try #require(order.json["orderId"] as? String)

                // When the clock reaches the second before the first term's end, the SIM is still ACTIVATED
                try await advance(server, to: "2025-03-17T16:59:59+0000")
                #expect(try await sim(server, expiringSIM)["status"] as? String == "ACTIVATED")
                let term = try #require(try await sim(server, expiringSIM)["basicServicePackageOrder"] as? [String: Any])
                #expect(term["expireTime"] as? String == "2025-03-17T17:00:00+0000")
                // Then at its end the card is disabled (DISABLE_CARD), and the expiry announced (its warning
                // fell due three days before, before this world began)
                try await advance(server, to: "2025-03-17T17:00:00+0000")
                #expect(try await sim(server, expiringSIM)["status"] as? String == "DEACTIVATED")
                let aboutIt = try pushes(receiver).filter { $0["giccid"] as? String == expiringSIM }
                let expiry = aboutIt.filter { $0["eventType"] as? String == "PREPAID_PACKAGE_EXPIRED" }.map { data($0)["phase"] as? String }
                #expect(expiry == ["EXPIRED"])
                let disabled = try #require(aboutIt.last { $0["eventType"] as? String == "SIM_STATUS_CHANGE" })
                #expect(data(disabled)["currentStatus"] as? String == "DEACTIVATED" && data(disabled)["source"] as? String == "SYSTEM")
                #expect(disabled["eventTime"] as? String == "2025-03-17T17:00:00+0000")

                // When the month runs to its last second
                try await advance(server, to: "2025-03-31T23:59:59+0000")
                // Then the add-on was used up first, then the basic term, which disabled the card
                let addOnPushes = try pushes(receiver).filter { $0["giccid"] as? String == addOnSIM }
                let tracking = addOnPushes.filter { $0["eventType"] as? String == "PREPAID_PACKAGE_TRAFFIC_TRACKING" }
                let termId = try #require((try await sim(server, addOnSIM)["basicServicePackageOrder"] as? [String: Any])?["orderId"] as? String)
                #expect(tracking.map { data($0)["orderId"] as? String } == [orderId, orderId, termId, termId])
                #expect(tracking.map { data($0)["thresholdPercent"] as? Int } == [80, 100, 80, 100])
                let addOnSIMNow = try await sim(server, addOnSIM)
                #expect(addOnSIMNow["status"] as? String == "DEACTIVATED")
                #expect((addOnSIMNow["supplementaryServicePackages"] as? [[String: Any]])?.first?["status"] as? String == "EXHAUSTED")
                #expect((addOnSIMNow["basicServicePackageOrder"] as? [String: Any])?["status"] as? String == "EXHAUSTED")
                // And the 100 MiB monthly plan tripped each threshold once in March
                let marchTracking = try pushes(receiver).filter {
                    $0["giccid"] as? String == meterSIM && $0["eventType"] as? String == "CYCLE_USAGE_TRACKING"
                }
                #expect(marchTracking.map { data($0)["thresholdPercent"] as? Int } == [50, 80, 100])
                #expect(marchTracking.allSatisfy { data($0)["cycleName"] as? String == "2025-03" })

                // And the statistics and the pool add up to the SIMs' March usage
                let march = try await allSIMs(server)
                let marchBytes = march.compactMap { $0["cycleDataUsageBytes"] as? Int }.reduce(0, +)
                let statistics = try await server.send(.get, "/v1/global-sims/statistics/countries?cycleName=2025-03")
                #expect(statistics.items("countries").map { $0["countryCode"] as? String } == ["GB"])
                #expect(statistics.items("countries").first?["dataBytes"] as? Int == marchBytes)
                let poolMembers = march.filter { $0["sharePoolName"] as? String == "Metering-Pool-10G" }
                let pool = try await server.send(.get, "/v1/sharePools/Metering-Pool-10G")
                #expect(pool.json["usedBytes"] as? Int == poolMembers.compactMap { $0["cycleDataUsageBytes"] as? Int }.reduce(0, +))

                // When the clock reaches the first second of April
                try await advance(server, to: "2025-04-01T00:00:00+0000")
                // Then every SIM is in the new cycle, with only April's first hour of traffic counted
                let april = try await allSIMs(server)
                #expect(april.allSatisfy { $0["currentCycleName"] as? String == "2025-04" })
                let meterNow = try #require(april.first { $0["giccid"] as? String == meterSIM })
                let hourly = 209_715_200 / 24
                #expect((meterNow["cycleDataUsageBytes"] as? Int).map { (hourly / 2...hourly * 3 / 2).contains($0) } == true)
                #expect(meterNow["lastSessionTime"] as? String == "2025-04-01T00:00:00+0000")
                // And March's statistics are kept beside April's
                let kept = try await server.send(.get, "/v1/global-sims/statistics/countries?cycleName=2025-03")
                #expect(kept.items("countries").first?["dataBytes"] as? Int == marchBytes)

                // And in April the monthly thresholds trip again, once each
                try await advance(server, to: "2025-04-15T00:00:00+0000")
                let aprilTracking = try pushes(receiver).filter {
                    $0["giccid"] as? String == meterSIM && $0["eventType"] as? String == "CYCLE_USAGE_TRACKING"
                        && data($0)["cycleName"] as? String == "2025-04"
                }
                #expect(aprilTracking.map { data($0)["thresholdPercent"] as? Int } == [50, 80, 100])
                // And every push was delivered
                let failed = try await server.send(.get, "/_sim/deliveries?state=FAILED", key: nil)
                #expect(failed.json["total"] as? Int == 0)
            }
        }
        try await transport.shutdown()
    }
}
