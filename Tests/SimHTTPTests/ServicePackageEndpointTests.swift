import Foundation
import Testing

@testable import SimHTTP

/// `POST /v1/global-sims/{giccid}/servicePackages` and `PUT /v1/global-sims/{giccid}/basicServicePackage`.
@Suite struct ServicePackageEndpointTests {
    static let orderKeys: Set<String> = ["orderId", "giccid", "servicePackageName", "startTime", "expireTime", "status"]

    @Test func anOrderIsCreatedShownOnTheSIMAndLogged() async throws {
        try await TestServer.run { server in
            // Given an ACTIVATED SIM of the prepaid account
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            // When it orders the 30-day add-on
            let created = try await server.send(
                .post, "/v1/global-sims/\(giccid)/servicePackages", json: #"{"servicePackageName": "Prepaid-Addon-500M"}"#)
            // Then the answer is 201 with the order's documented shape
            #expect(created.status == .created)
            #expect(Set(created.json.keys) == Self.orderKeys)
            let orderId = try #require(created.json["orderId"] as? String)
            #expect(orderId.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            #expect(created.json["giccid"] as? String == giccid)
            #expect(created.json["servicePackageName"] as? String == "Prepaid-Addon-500M")
            #expect(created.json["startTime"] as? String == "2025-03-15T08:00:00+0000")
            #expect(created.json["expireTime"] as? String == "2025-04-14T08:00:00+0000")
            #expect(created.json["status"] as? String == "ACTIVE")
            // And the SIM lists it with its quota, and the change log records it
            let sim = try await server.send(.get, "/v1/global-sims/\(giccid)")
            let orders = try #require(sim.json["supplementaryServicePackages"] as? [[String: Any]])
            #expect(orders.count == 1)
            #expect(orders.first?["orderId"] as? String == orderId)
            #expect(orders.first?["quotaBytes"] as? Int == 524_288_000)
            #expect(orders.first?["usedBytes"] as? Int == 0)
            let log = try await server.send(.get, "/v1/global-sims/changeLogs?giccid=\(giccid)&type=SERVICE_PACKAGE")
            #expect(log.items("changeLogs").first?["after"] as? String == "Prepaid-Addon-500M")
            #expect(log.items("changeLogs").first?["before"] is NSNull)
        }
    }

    @Test func aPlanWithoutValidityHasNoExpireTime() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(ofAccount: "Metering%20Postpaid", status: "ACTIVATED")
            let created = try await server.send(
                .post, "/v1/global-sims/\(giccid)/servicePackages", json: #"{"servicePackageName": "Postpaid-Addon-1G"}"#)
            #expect(created.status == .created)
            #expect(created.json["expireTime"] is NSNull)
        }
    }

    @Test func aFutureOrderIsPendingThenShowsActiveThenExpired() async throws {
        try await TestServer.run { server in
            // Given an order starting in one day
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            let created = try await server.send(
                .post, "/v1/global-sims/\(giccid)/servicePackages",
                json: #"{"servicePackageName": "Prepaid-Addon-500M", "effectiveTime": "2025-03-16T08:00:00+0000"}"#)
            #expect(created.json["status"] as? String == "PENDING")
            #expect(created.json["expireTime"] as? String == "2025-04-15T08:00:00+0000")
            // When the clock reaches its start, then its expiry
            func shownStatus() async throws -> String? {
                let sim = try await server.send(.get, "/v1/global-sims/\(giccid)")
                return (sim.json["supplementaryServicePackages"] as? [[String: Any]])?.first?["status"] as? String
            }
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1d"}"#)
            #expect(try await shownStatus() == "ACTIVE")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "30d"}"#)
            #expect(try await shownStatus() == "EXPIRED")
        }
    }

    @Test(arguments: [
        (#"{"servicePackageName": "No-Such-Plan"}"#, "servicePackageName", "missing"),
        (#"{"servicePackageName": "Prepaid-Basic-5G"}"#, "servicePackageName", "invalid"),
        (#"{"servicePackageName": "Postpaid-Addon-1G"}"#, "servicePackageName", "invalid"),
        (#"{"servicePackageName": "Prepaid-Addon-500M", "effectiveTime": "2025-03-15T07:59:59+0000"}"#, "effectiveTime", "invalid"),
        (#"{"servicePackageName": "Prepaid-Addon-500M", "effectiveTime": "tomorrow"}"#, "effectiveTime", "invalid"),
        (#"{"servicePackageName": "Prepaid-Addon-500M", "extra": 1}"#, "extra", "invalid"),
        (#"{"effectiveTime": "2025-03-16T08:00:00+0000"}"#, "servicePackageName", "missing_field"),
    ])
    func aSubscriptionThatDoesNotFitIs422(body: String, field: String, code: String) async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            let reply = try await server.send(.post, "/v1/global-sims/\(giccid)/servicePackages", json: body)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.json["title"] as? String == "Validation Failed")
            #expect(reply.errors.first?["field"] as? String == field)
            #expect(reply.errors.first?["code"] as? String == code)
            let sim = try await server.send(.get, "/v1/global-sims/\(giccid)")
            #expect((sim.json["supplementaryServicePackages"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aRetiredSIMAndASecondOrderAreRefused() async throws {
        try await TestServer.run { server in
            let body = #"{"servicePackageName": "Prepaid-Addon-500M"}"#
            let retired = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "RETIRED")
            let refused = try await server.send(.post, "/v1/global-sims/\(retired)/servicePackages", json: body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errors.first?["code"] as? String == "illegal_status")
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            #expect(try await server.send(.post, "/v1/global-sims/\(giccid)/servicePackages", json: body).status == .created)
            let again = try await server.send(.post, "/v1/global-sims/\(giccid)/servicePackages", json: body)
            #expect(again.status == .unprocessableContent)
            #expect(again.errors.first?["code"] as? String == "already_exists")
        }
    }

    @Test(arguments: [
        #"{"servicePackageName": 5}"#, #"{"servicePackageName": null}"#,
        #"{"servicePackageName": "Prepaid-Addon-500M", "effectiveTime": 1742025600}"#, "[]", "not json",
    ])
    func aBodyOfTheWrongShapeIs400(body: String) async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            let reply = try await server.send(.post, "/v1/global-sims/\(giccid)/servicePackages", json: body)
            #expect(reply.status == .badRequest)
            #expect(reply.json["title"] as? String == "Bad Request")
            // The PUT has no effectiveTime: it refuses that key (422) before reading its type.
            let put = try await server.send(.put, "/v1/global-sims/\(giccid)/basicServicePackage", json: body)
            #expect(put.status == (body.contains("effectiveTime") ? .unprocessableContent : .badRequest))
        }
    }

    @Test func anUnknownSIMIs404ForBothOperations() async throws {
        try await TestServer.run { server in
            let unknown = "8944000000000000001"
            let post = try await server.send(
                .post, "/v1/global-sims/\(unknown)/servicePackages", json: #"{"servicePackageName": "Prepaid-Addon-500M"}"#)
            let put = try await server.send(
                .put, "/v1/global-sims/\(unknown)/basicServicePackage", json: #"{"servicePackageName": "Prepaid-Basic-5G"}"#)
            for reply in [post, put] {
                #expect(reply.status == .notFound)
                #expect(reply.errors.first as NSDictionary? == ["resource": "SIM", "field": "giccid", "code": "missing"] as NSDictionary)
            }
        }
    }

    @Test func theBasicPlanChangesAndTheSIMMovesToThePlansPool() async throws {
        try await TestServer.run { server in
            // Given a metering SIM on the plan without pool
            let list = try await server.send(.get, "/v1/global-sims?servicePackageName=Postpaid-Basic-100M&status=ACTIVATED&size=1")
            let giccid = try #require(list.items("sims").first?["giccid"] as? String)
            // When it moves to the pool plan
            let reply = try await server.send(
                .put, "/v1/global-sims/\(giccid)/basicServicePackage", json: #"{"servicePackageName": "Postpaid-Pool-Basic"}"#)
            // Then the answer is the SIM, on the new plan and the pool, and the change is logged
            #expect(reply.status == .ok)
            #expect(reply.json["giccid"] as? String == giccid)
            #expect(reply.json["basicServicePackageName"] as? String == "Postpaid-Pool-Basic")
            #expect(reply.json["sharePoolName"] as? String == "Metering-Pool-10G")
            let log = try await server.send(.get, "/v1/global-sims/changeLogs?giccid=\(giccid)&type=SERVICE_PACKAGE")
            #expect(log.items("changeLogs").first?["before"] as? String == "Postpaid-Basic-100M")
            #expect(log.items("changeLogs").first?["source"] as? String == "API")
        }
    }

    @Test(arguments: [
        (#"{"servicePackageName": "No-Such-Plan"}"#, "missing"),
        (#"{"servicePackageName": "Prepaid-Addon-500M"}"#, "invalid"),
        (#"{"servicePackageName": "Postpaid-Pool-Basic"}"#, "invalid"),
        (#"{"servicePackageName": "Prepaid-Basic-5G", "effectiveTime": "2025-03-16T08:00:00+0000"}"#, "invalid"),
        ("{}", "missing_field"),
    ])
    func aBasicPlanThatDoesNotFitIs422(body: String, code: String) async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            let reply = try await server.send(.put, "/v1/global-sims/\(giccid)/basicServicePackage", json: body)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errors.first?["code"] as? String == code)
        }
    }

    @Test func aSIMHeldByABatchJobOrRetiredKeepsItsBasicPlan() async throws {
        try await TestServer.run { server in
            let body = #"{"servicePackageName": "Prepaid-Basic-5G"}"#
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            try await server.send(.post, "/v1/batchJobs/global-sims/deactivate", json: #"{"giccids": ["\#(giccid)"]}"#)
            let held = try await server.send(.put, "/v1/global-sims/\(giccid)/basicServicePackage", json: body)
            #expect(held.status == .unprocessableContent)
            #expect(held.errors.first?["code"] as? String == "illegal_status")
            let retired = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "RETIRED")
            let refused = try await server.send(.put, "/v1/global-sims/\(retired)/basicServicePackage", json: body)
            #expect(refused.errors.first?["code"] as? String == "illegal_status")
        }
    }

    @Test func anotherEnterpriseOrdersOnItsOwnCopyOnly() async throws {
        try await TestServer.run { server in
            // Given a tenant copied from the demo enterprise
            let teamKey = "team-c-key-0123456789"
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team C", "apiKey": "\#(teamKey)"}"#)
            let giccid = try await server.sim(ofAccount: "Fleet%20Prepaid", status: "ACTIVATED")
            // When the tenant orders the add-on and changes the basic plan of its copy of a SIM
            let body = #"{"servicePackageName": "Prepaid-Addon-500M"}"#
            #expect(try await server.send(.post, "/v1/global-sims/\(giccid)/servicePackages", key: teamKey, json: body).status == .created)
            let put = try await server.send(
                .put, "/v1/global-sims/\(giccid)/basicServicePackage", key: teamKey, json: #"{"servicePackageName": "Prepaid-Basic-5G"}"#)
            #expect(put.status == .ok)
            // Then the demo enterprise's SIM has neither
            let demoSIM = try await server.send(.get, "/v1/global-sims/\(giccid)")
            #expect((demoSIM.json["supplementaryServicePackages"] as? [Any])?.isEmpty == true)
            #expect(demoSIM.json["basicServicePackageName"] as? String != "Prepaid-Basic-5G")
            // And a SIM only the tenant has is 404 to the demo key
            try await server.send(
                .post, "/_sim/sims", key: nil,
                json: #"{"enterpriseName": "Team C", "accountName": "Fleet Prepaid", "sims": [{"iccid": "8944990000000000011"}]}"#)
            let foreign = try await server.send(.post, "/v1/global-sims/8944990000000000011/servicePackages", json: body)
            #expect(foreign.status == .notFound)
        }
    }
}

extension TestServer {
    /// The giccid of the first SIM of `account` (percent-encoded) in `status`.
    func sim(ofAccount account: String, status: String) async throws -> String {
        let reply = try await send(.get, "/v1/global-sims?accountName=\(account)&status=\(status)&size=1")
        return try #require(reply.items("sims").first?["giccid"] as? String)
    }
}
