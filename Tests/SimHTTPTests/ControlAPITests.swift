import Foundation
import Testing

@testable import SimHTTP

/// `/_sim`: health, clock, reset, SIM injection and the admin token.
@Suite struct ControlAPITests {
    @Test func healthReportsTheClock() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.get, "/_sim/health", key: nil)
            #expect(reply.json["status"] as? String == "ok")
            #expect(reply.json["now"] as? String == "2025-03-15T08:00:00+0000")
            #expect(reply.json["clockMode"] as? String == "manual")
            #expect(reply.json["version"] as? String == ServerInfo.version)
        }
    }

    @Test func clockAdvancesBySetsAndRefusesToGoBack() async throws {
        try await TestServer.run { server in
            let by = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "15m"}"#)
            #expect(by.json["now"] as? String == "2025-03-15T08:15:00+0000")
            let seconds = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": 45}"#)
            #expect(seconds.json["now"] as? String == "2025-03-15T08:15:45+0000")
            let to = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"to": "2025-04-01T00:00:00+0000"}"#)
            #expect(to.json["now"] as? String == "2025-04-01T00:00:00+0000")
            let back = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"to": "2025-03-31T00:00:00+0000"}"#)
            #expect(back.status == .unprocessableContent)
            #expect(back.errors.first?["field"] as? String == "to")
            let neither = try await server.send(.post, "/_sim/clock/advance", key: nil, json: "{}")
            #expect(neither.status == .unprocessableContent)
            #expect(neither.errors.first?["code"] as? String == "missing_field")
            let badDuration = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "soon"}"#)
            #expect(badDuration.status == .unprocessableContent)
            let clock = try await server.send(.get, "/_sim/clock", key: nil)
            #expect(
                clock.json as NSDictionary == ["now": "2025-04-01T00:00:00+0000", "mode": "manual", "scale": 1, "clock": "shared"] as NSDictionary)
            // The cycle follows the clock
            let account = try await server.send(.get, "/v1/account/Fleet%20Prepaid")
            #expect(account.json["currentCycleName"] as? String == "2025-04")
        }
    }

    @Test func clockModeAndScaleCanBeSet() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.put, "/_sim/clock", key: nil, json: #"{"mode": "real", "scale": 60}"#)
            #expect(reply.json["mode"] as? String == "real")
            #expect(reply.json["scale"] as? Double == 60)
            let badScale = try await server.send(.put, "/_sim/clock", key: nil, json: #"{"scale": 0}"#)
            #expect(badScale.status == .unprocessableContent)
            let badMode = try await server.send(.put, "/_sim/clock", key: nil, json: #"{"mode": "fast"}"#)
            #expect(badMode.status == .unprocessableContent)
            #expect(badMode.errors.first?["field"] as? String == "mode")
            let jump = try await server.send(.put, "/_sim/clock", key: nil, json: #"{"mode": "manual", "now": "2026-01-01T00:00:00+0000"}"#)
            #expect(jump.json["now"] as? String == "2026-01-01T00:00:00+0000")
        }
    }

    @Test func resetRestoresTheSeed() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/v1/global-sims/\(giccid)/deactivate")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "2d"}"#)
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A"}"#)
            let reset = try await server.send(.post, "/_sim/reset", key: nil)
            #expect(reset.json["now"] as? String == "2025-03-15T08:00:00+0000")
            let sim = try await server.send(.get, "/v1/global-sims/\(giccid)")
            #expect(sim.json["status"] as? String == "ACTIVATED")
            let log = try await server.send(.get, "/v1/global-sims/changeLogs")
            #expect(log.json["total"] as? Int == 0)
            let gone = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A"}"#)
            #expect(gone.status == .created)
        }
    }

    @Test func simsAreCreatedWithValidIdentifiers() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(
                .post, "/_sim/sims", key: nil, json: #"{"accountName": "Fleet Prepaid", "count": 3, "status": "ACTIVATED"}"#)
            #expect(reply.status == .created)
            let sims = reply.items("sims")
            #expect(sims.count == 3)
            for sim in sims {
                let iccid = try #require(sim["iccid"] as? String)
                #expect(iccid.hasPrefix("89") && (19...20).contains(iccid.count))
                #expect(sim["status"] as? String == "ACTIVATED")
                #expect(sim["basicServicePackageName"] as? String == "Prepaid-Basic-1G")
                #expect((sim["imsi"] as? String)?.count == 15)
            }
            let total = try await server.send(.get, "/v1/global-sims?size=1")
            #expect(total.json["total"] as? Int == 53)
        }
    }

    @Test func simCreationIsAllOrNothing() async throws {
        try await TestServer.run { server in
            let existing = try await server.anySIM()
            let body = """
                {"accountName": "Fleet Prepaid", "sims": [{"custom1": "fine"}, {"iccid": "\(existing)"}, {"iccid": "8944102015000000001"}]}
                """
            let reply = try await server.send(.post, "/_sim/sims", key: nil, json: body)
            #expect(reply.status == .unprocessableContent)
            let fields = reply.errors.compactMap { $0["field"] as? String }
            #expect(fields.contains("sims[1].iccid"))
            #expect(fields.contains("sims[2].iccid"))
            #expect(reply.errors.contains { $0["code"] as? String == "already_exists" })
            let total = try await server.send(.get, "/v1/global-sims?size=1")
            #expect(total.json["total"] as? Int == 50)
            let wrongAccount = try await server.send(.post, "/_sim/sims", key: nil, json: #"{"accountName": "Nobody"}"#)
            #expect(wrongAccount.status == .unprocessableContent)
            #expect(wrongAccount.errors.first?["code"] as? String == "missing")
            let noAccount = try await server.send(.post, "/_sim/sims", key: nil, json: #"{"count": 1}"#)
            #expect(noAccount.errors.first?["code"] as? String == "missing_field")
            let supplementary = try await server.send(
                .post, "/_sim/sims", key: nil, json: #"{"accountName": "Fleet Prepaid", "basicServicePackageName": "Prepaid-Addon-500M"}"#)
            #expect(supplementary.status == .unprocessableContent)
        }
    }

    @Test func adminTokenGuardsTheWholeControlAPIHealthIncluded() async throws {
        try await TestServer.run(adminToken: "s3cret") { server in
            let without = try await server.send(.post, "/_sim/reset", key: nil)
            #expect(without.status == .unauthorized)
            #expect(without.json["title"] as? String == "Invalid admin token")
            let wrong = try await server.send(.get, "/_sim/clock", key: nil, headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            let right = try await server.send(.get, "/_sim/clock", key: nil, headers: [.authorization: "Bearer s3cret"])
            #expect(right.status == .ok)
            // control-plane.md makes no exception: health and the contract need the token too.
            for path in ["/_sim/health", "/_sim/openapi.yaml"] {
                #expect(try await server.send(.get, path, key: nil).status == .unauthorized)
                #expect(try await server.send(.get, path, key: nil, headers: [.authorization: "Bearer s3cret"]).status == .ok)
            }
        }
    }
}

/// The clock stays within what the Smarthub time format can write.
@Suite struct ClockBoundsTests {
    @Test func theClockCannotPassTheLastWritableMoment() async throws {
        try await TestServer.run { server in
            let huge = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": 2750601981825172.0}"#)
            #expect(huge.status == .unprocessableContent)
            #expect(huge.errors.first?["field"] as? String == "by")
            let last = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"to": "9999-12-31T23:59:59+0000"}"#)
            #expect(last.json["now"] as? String == "9999-12-31T23:59:59+0000")
            let negative = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": -1e-323}"#)
            #expect(negative.status == .unprocessableContent)
        }
    }
}
