import Foundation
import Testing

@testable import SimHTTP

/// `/v1/global-sims`: list, detail, status changes, change log, custom fields.
@Suite struct SIMEndpointTests {
    static let simKeys: Set<String> = [
        "giccid", "iccid", "imsi", "msisdn", "imei", "eid", "status", "accountName", "simSku", "basicServicePackageName", "basicServicePackageOrder",
        "supplementaryServicePackages", "sharePoolName", "apnName", "apnStatus", "activatedTime", "createdTime",
        "lastStatusChangeTime", "currentCycleName", "cycleDataUsageBytes", "cycleSmsCount", "lastSessionTime", "lastCountryCode",
        "custom1", "custom2", "custom3", "custom4", "custom5",
    ]

    @Test func listIsPagedAndSortedByGiccid() async throws {
        try await TestServer.run { server in
            let first = try await server.send(.get, "/v1/global-sims")
            #expect(first.status == .ok)
            #expect(first.json["page"] as? Int == 0)
            #expect(first.json["size"] as? Int == 10)
            #expect(first.json["total"] as? Int == 50)
            let all = try await server.send(.get, "/v1/global-sims?size=1000").items("sims").compactMap { $0["giccid"] as? String }
            #expect(all.count == 50)
            #expect(all == all.sorted())
            let last = try await server.send(.get, "/v1/global-sims?page=4&size=12")
            #expect(last.items("sims").count == 2)
            let beyond = try await server.send(.get, "/v1/global-sims?page=99")
            #expect(beyond.items("sims").isEmpty)
            #expect(beyond.json["total"] as? Int == 50)
        }
    }

    @Test func listFiltersCombine() async throws {
        try await TestServer.run { server in
            let activated = try await server.send(.get, "/v1/global-sims?status=ACTIVATED&size=1000").items("sims")
            #expect(!activated.isEmpty)
            #expect(activated.allSatisfy { $0["status"] as? String == "ACTIVATED" })
            let both = try await server.send(.get, "/v1/global-sims?status=ACTIVATED&accountName=Fleet%20Prepaid&size=1000").items("sims")
            #expect(!both.isEmpty && both.count < activated.count)
            #expect(both.allSatisfy { $0["accountName"] as? String == "Fleet Prepaid" && $0["status"] as? String == "ACTIVATED" })
            let one = activated[0]
            for key in ["iccid", "imsi", "msisdn"] {
                let value = try #require(one[key] as? String)
                let found = try await server.send(.get, "/v1/global-sims?\(key)=\(value)").items("sims")
                #expect(found.map { $0["giccid"] as? String } == [one["giccid"] as? String])
            }
            let none = try await server.send(.get, "/v1/global-sims?accountName=Nobody")
            #expect(none.status == .ok && none.json["total"] as? Int == 0)
            let badStatus = try await server.send(.get, "/v1/global-sims?status=SLEEPING")
            #expect(badStatus.status == .unprocessableContent)
            #expect(badStatus.errors.first?["field"] as? String == "status")
        }
    }

    @Test func detailHasEveryDocumentedKey() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let reply = try await server.send(.get, "/v1/global-sims/\(giccid)")
            #expect(reply.status == .ok)
            #expect(Set(reply.json.keys) == Self.simKeys)
            #expect(reply.json["giccid"] as? String == giccid)
            #expect(reply.json["iccid"] as? String == giccid)
            #expect(reply.json["currentCycleName"] as? String == "2025-03")
            let activated = try #require(reply.json["activatedTime"] as? String)
            #expect(activated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000/) != nil)
        }
    }

    @Test func suspendThenRetireIsLoggedAndRetireFromActivatedIsRefused() async throws {
        try await TestServer.run { server in
            // Given an ACTIVATED SIM
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            // When it is retired directly, Then the documented refusal comes back
            let refused = try await server.send(.post, "/v1/global-sims/\(giccid)/retire")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errors.first?["code"] as? String == "illegal_status")
            #expect(refused.errors.first?["message"] as? String == "Illegal SIM state, current SIM state cannot be retired")
            // When it is suspended, then retired
            try server.simulator.advance(by: .minutes(5))
            let suspended = try await server.send(.post, "/v1/global-sims/\(giccid)/suspend")
            #expect(suspended.status == .ok)
            #expect(suspended.json["status"] as? String == "DEACTIVATED")
            #expect(suspended.json["lastStatusChangeTime"] as? String == "2025-03-15T08:05:00+0000")
            let retired = try await server.send(.post, "/v1/global-sims/\(giccid)/retire")
            #expect(retired.json["status"] as? String == "RETIRED")
            // Then the change log has both changes, oldest first, with source API
            let log = try await server.send(.get, "/v1/global-sims/changeLogs?giccid=\(giccid)").items("changeLogs")
            #expect(log.map { "\($0["before"]!)>\($0["after"]!)" } == ["ACTIVATED>DEACTIVATED", "DEACTIVATED>RETIRED"])
            #expect(log.allSatisfy { $0["source"] as? String == "API" && $0["type"] as? String == "STATUS" })
            #expect(log.first?["changeTime"] as? String == "2025-03-15T08:05:00+0000")
            // And any action on the retired SIM is refused
            for action in ["activate", "deactivate", "retire"] {
                let reply = try await server.send(.post, "/v1/global-sims/\(giccid)/\(action)")
                #expect(reply.status == .unprocessableContent)
            }
        }
    }

    @Test func activateAndDeactivateFollowTheStateMachine() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "INVENTORY")
            let activated = try await server.send(.post, "/v1/global-sims/\(giccid)/activate")
            #expect(activated.json["status"] as? String == "ACTIVATED")
            #expect(activated.json["activatedTime"] as? String == "2025-03-15T08:00:00+0000")
            let again = try await server.send(.post, "/v1/global-sims/\(giccid)/activate")
            #expect(again.status == .unprocessableContent)
            let deactivated = try await server.send(.post, "/v1/global-sims/\(giccid)/deactivate")
            #expect(deactivated.json["status"] as? String == "DEACTIVATED")
            let missing = try await server.send(.post, "/v1/global-sims/8944999999999999999/activate")
            #expect(missing.status == .notFound)
        }
    }

    @Test func changeLogFiltersByTypeAndTime() async throws {
        try await TestServer.run { server in
            let first = try await server.sim(inStatus: "INVENTORY")
            try await server.send(.post, "/v1/global-sims/\(first)/activate")
            try server.simulator.advance(by: .hours(1))
            try await server.send(.post, "/v1/global-sims/\(first)/deactivate")
            let all = try await server.send(.get, "/v1/global-sims/changeLogs?type=STATUS")
            #expect(all.json["total"] as? Int == 2)
            let later = try await server.send(.get, "/v1/global-sims/changeLogs?startTime=2025-03-15T08:30:00%2B0000")
            #expect(later.items("changeLogs").map { $0["after"] as? String } == ["DEACTIVATED"])
            let earlier = try await server.send(.get, "/v1/global-sims/changeLogs?endTime=2025-03-15T08:00:00%2B0000")
            #expect(earlier.items("changeLogs").map { $0["after"] as? String } == ["ACTIVATED"])
            let imei = try await server.send(.get, "/v1/global-sims/changeLogs?type=IMEI")
            #expect(imei.json["total"] as? Int == 0)
            let badTime = try await server.send(.get, "/v1/global-sims/changeLogs?startTime=yesterday")
            #expect(badTime.status == .unprocessableContent)
            #expect(badTime.errors.first?["field"] as? String == "startTime")
        }
    }

    @Test func timesAreReadInRFC3339FormsAndAnsweredInTheDocumentedOne() async throws {
        try await TestServer.run { server in
            // Given a change at 08:00 and another an hour later
            let giccid = try await server.sim(inStatus: "INVENTORY")
            try await server.send(.post, "/v1/global-sims/\(giccid)/activate")
            // When the clock is moved with an RFC 3339 time (as a generated client writes it)
            let moved = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"to": "2025-03-15T10:00:00.000+01:00"}"#)
            #expect(moved.status == .ok)
            // Then the answer writes the documented form
            #expect(moved.json["now"] as? String == "2025-03-15T09:00:00+0000")
            try await server.send(.post, "/v1/global-sims/\(giccid)/deactivate")
            // And query times in RFC 3339 forms filter as their documented equivalents do
            let later = try await server.send(.get, "/v1/global-sims/changeLogs?startTime=2025-03-15T08:30:00Z")
            #expect(later.items("changeLogs").map { $0["after"] as? String } == ["DEACTIVATED"])
            let earlier = try await server.send(.get, "/v1/global-sims/changeLogs?endTime=2025-03-15T08:00:00.5%2B00:00")
            #expect(earlier.items("changeLogs").map { $0["after"] as? String } == ["ACTIVATED"])
            #expect(earlier.items("changeLogs").first?["changeTime"] as? String == "2025-03-15T08:00:00+0000")
        }
    }

    @Test func customFieldsUpdateOnlyTheGivenKeys() async throws {
        try await TestServer.run { server in
            let giccid = try await server.anySIM()
            let path = "/v1/global-sims/\(giccid)/custom-field"
            let set = try await server.send(.put, path, json: #"{"custom1": "truck-7", "custom3": "北京"}"#)
            #expect(set.status == .ok)
            #expect(set.json["custom1"] as? String == "truck-7")
            #expect(set.json["custom3"] as? String == "北京")
            let cleared = try await server.send(.put, path, json: #"{"custom1": null}"#)
            #expect(cleared.json["custom1"] is NSNull)
            #expect(cleared.json["custom3"] as? String == "北京")
            let read = try await server.send(.get, path)
            #expect(Set(read.json.keys) == ["custom1", "custom2", "custom3", "custom4", "custom5"])
            #expect(read.json["custom3"] as? String == "北京")
            let unknown = try await server.send(.put, path, json: #"{"custom6": "x", "custom2": "kept?"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errors.first?["field"] as? String == "custom6")
            let unchanged = try await server.send(.get, path)
            #expect(unchanged.json["custom2"] is NSNull)
        }
    }
}
