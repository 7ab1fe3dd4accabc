import Foundation
import HTTPTypes
import Testing

@testable import SimHTTP

/// A GET with `X-Sim-Observer` (the dashboard's reads) only looks: no journal entry, no HTTP fault.
@Suite struct ObserverReadTests {
    private let observer: HTTPFields = [.simObserver: "dashboard"]

    @Test func anObserversReadIsNotJournaled() async throws {
        try await TestServer.run { server in
            // When the dashboard reads and a client reads
            #expect(try await server.send(.get, "/v1/global-sims?size=1", headers: observer).status == .ok)
            #expect(try await server.send(.get, "/v1/enterprise").status == .ok)
            // Then only the client's read is in the journal
            let entries = try await server.send(.get, "/_sim/requests", key: nil).items("requests")
            #expect(entries.compactMap { $0["path"] as? String } == ["/v1/enterprise"])
        }
    }

    @Test func anObserversReadNeitherMeetsNorUsesUpAnHTTPFault() async throws {
        try await TestServer.run { server in
            // Given a fault that answers the SIM list 503 once
            try await server.send(.post, "/_sim/faults", key: nil, json: #"{"path": "/v1/global-sims", "status": 503, "times": 1}"#)
            // When the dashboard reads the list, twice
            #expect(try await server.send(.get, "/v1/global-sims", headers: observer).status == .ok)
            #expect(try await server.send(.get, "/v1/global-sims", headers: observer).status == .ok)
            // Then the client still meets the fault
            #expect(try await server.send(.get, "/v1/global-sims").status == .serviceUnavailable)
            #expect(try await server.send(.get, "/v1/global-sims").status == .ok)
        }
    }

    @Test func anObserversReadIsNotRateLimited() async throws {
        try await TestServer.run { server in
            try await server.send(.post, "/_sim/faults", key: nil, json: #"{"rateLimit": {"perSecond": 1}}"#)
            for _ in 0..<3 {
                #expect(try await server.send(.get, "/v1/enterprise", headers: observer).status == .ok)
            }
        }
    }

    @Test func aChangeIsNeverAnObserversRead() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/_sim/faults", key: nil, json: #"{"path": "/v1/global-sims/*", "status": 503}"#)
            let change = try await server.send(.post, "/v1/global-sims/\(giccid)/suspend", headers: observer)
            #expect(change.status == .serviceUnavailable)
            let entries = try await server.send(.get, "/_sim/requests", key: nil).items("requests")
            #expect(entries.compactMap { $0["method"] as? String } == ["GET", "POST"])
        }
    }
}
