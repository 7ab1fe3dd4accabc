import Foundation
import Testing

@testable import SimHTTP

/// `"clock": "own"` in `POST /_sim/enterprises` and clock calls scoped to such an enterprise.
@Suite struct TenantClockEndpointTests {
    private let ownKey = "own-clock-key-0123456789"

    @Test func aScopedAdvanceMovesOnlyTheTenantsOwnClock() async throws {
        try await TestServer.run { server in
            // Given a tenant with its own clock, starting a day after the world clock
            let created = try await server.send(
                .post, "/_sim/enterprises", key: nil,
                json: #"{"name": "own", "apiKey": "\#(ownKey)", "clock": "own", "start": "2025-03-16T08:00:00+0000"}"#)
            #expect(created.status == .created)
            // When it is advanced by name, then by its key
            let byName = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1h", "enterpriseName": "own"}"#)
            let byKey = try await server.send(.post, "/_sim/clock/advance", key: ownKey, json: #"{"by": "1h"}"#)
            // Then its clock moved two hours and the world clock did not
            #expect(byName.json["now"] as? String == "2025-03-16T09:00:00+0000")
            #expect(byKey.json["now"] as? String == "2025-03-16T10:00:00+0000")
            let own = try await server.send(.get, "/_sim/clock?enterpriseName=own", key: nil)
            #expect(own.json as NSDictionary == ["now": "2025-03-16T10:00:00+0000", "mode": "manual", "scale": 1, "clock": "own"] as NSDictionary)
            let world = try await server.send(.get, "/_sim/clock", key: nil)
            #expect(world.json["now"] as? String == "2025-03-15T08:00:00+0000")
            // And the list shows each enterprise's clock
            let listed = try await server.send(.get, "/_sim/enterprises", key: nil).items("enterprises")
            let clocks = listed.map { ($0["clock"] as? [String: Any])?["kind"] as? String }
            #expect(clocks == ["shared", "own"])
            #expect(listed[1]["createdTime"] as? String == "2025-03-16T08:00:00+0000")
            #expect((listed[1]["clock"] as? [String: Any])?["now"] as? String == "2025-03-16T10:00:00+0000")
            // And its public API reads its clock: billing cycle and the journal's time
            try await server.send(.delete, "/_sim/requests", key: nil)
            let account = try await server.send(.get, "/v1/account/Fleet%20Prepaid", key: ownKey)
            #expect(account.json["currentCycleName"] as? String == "2025-03")
            let journal = try await server.send(.get, "/_sim/requests?enterpriseName=own", key: nil).items("requests")
            #expect(journal.first?["time"] as? String == "2025-03-16T10:00:00+0000")
        }
    }

    @Test func aScopedClockChangeSetsOnlyTheTenantsClock() async throws {
        try await TestServer.run { server in
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "own", "clock": "own"}"#)
            let set = try await server.send(
                .put, "/_sim/clock", key: nil, json: #"{"enterpriseName": "own", "now": "2025-05-01T00:00:00+0000", "scale": 5}"#)
            #expect(set.json as NSDictionary == ["now": "2025-05-01T00:00:00+0000", "mode": "manual", "scale": 5, "clock": "own"] as NSDictionary)
            let world = try await server.send(.get, "/_sim/clock", key: nil)
            #expect(
                world.json as NSDictionary == ["now": "2025-03-15T08:00:00+0000", "mode": "manual", "scale": 1, "clock": "shared"] as NSDictionary)
        }
    }

    @Test(arguments: [
        (#"{"name": "x", "start": "2025-03-16T08:00:00+0000"}"#, "start"),
        (#"{"name": "x", "clock": "mine"}"#, "clock"),
        (#"{"name": "x", "clock": "own", "scale": 0}"#, "scale"),
        (#"{"name": "x", "clock": "own", "scale": 1e9}"#, "scale"),
        (#"{"name": "x", "clock": "own", "mode": "fast"}"#, "mode"),
        (#"{"name": "x", "clock": "own", "start": "10000-01-01T00:00:00+0000"}"#, "start"),
    ])
    func aBadClockDeclarationIsRefusedAndNothingIsMade(body: String, field: String) async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.post, "/_sim/enterprises", key: nil, json: body)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errors.first?["field"] as? String == field)
            let listed = try await server.send(.get, "/_sim/enterprises", key: nil).items("enterprises")
            #expect(listed.count == 1)
        }
    }

    @Test func aClockCallScopedToAnUnknownEnterpriseIsNotFound() async throws {
        try await TestServer.run { server in
            let reply = try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1h", "enterpriseName": "nobody"}"#)
            #expect(reply.status == .notFound)
            #expect(try await server.send(.get, "/_sim/clock", key: nil).json["now"] as? String == "2025-03-15T08:00:00+0000")
        }
    }
}
