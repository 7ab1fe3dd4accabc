import Foundation
import Testing

@testable import SimHTTP

/// `GET /_sim/enterprises` and `GET /_sim/batch-jobs`: what the public API cannot list.
@Suite struct ControlListingTests {
    @Test func enterprisesAreListedWithTheirKeysTheDemoOneFirst() async throws {
        try await TestServer.run { server in
            // Given two tenants created after the demo enterprise
            let teamB = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team B"}"#)
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team A", "apiKey": "team-a-key-0123456789"}"#)
            // When the enterprises are listed
            let listed = try await server.send(.get, "/_sim/enterprises", key: nil).items("enterprises")
            // Then the demo enterprise comes first, then the others by name, each with its key
            #expect(listed.compactMap { $0["name"] as? String } == ["Demo IoT Ltd", "Team A", "Team B"])
            #expect(listed[0]["apiKey"] as? String == demoKey)
            #expect(listed[1]["apiKey"] as? String == "team-a-key-0123456789")
            #expect(listed[2]["apiKey"] as? String == teamB.json["apiKey"] as? String)
            #expect(Set(listed[0].keys) == ["name", "apiKey", "status", "createdTime", "clock"])
            #expect(
                listed[0]["clock"] as? NSDictionary == ["kind": "shared", "now": "2025-03-15T08:00:00+0000", "mode": "manual", "scale": 1]
                    as NSDictionary)
            #expect(listed[1]["status"] as? String == "ENABLED")
            #expect(listed[1]["createdTime"] as? String == "2025-03-15T08:00:00+0000")
            // And a deleted one is no longer listed
            try await server.send(.delete, "/_sim/enterprises/Team%20B", key: nil)
            let after = try await server.send(.get, "/_sim/enterprises", key: nil).items("enterprises")
            #expect(after.compactMap { $0["name"] as? String } == ["Demo IoT Ltd", "Team A"])
        }
    }

    @Test func batchJobsAreListedNewestFirstWithTheirProgress() async throws {
        try await TestServer.run { server in
            let empty = try await server.send(.get, "/_sim/batch-jobs", key: nil)
            #expect(empty.json as NSDictionary == ["batchJobs": [], "page": 0, "size": 10, "total": 0] as NSDictionary)
            // Given a job that has run (two SIMs suspended, one unknown SIM failed) and a later one still waiting
            let sims = try await server.send(.get, "/v1/global-sims?status=ACTIVATED&size=3").items("sims").compactMap { $0["giccid"] as? String }
            let first = try await server.send(
                .post, "/v1/batchJobs/global-sims/deactivate", json: #"{"giccids": ["\#(sims[0])", "\#(sims[1])", "8944000000000000001"]}"#)
            let firstId = try #require(first.json["jobId"] as? String)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "10s"}"#)
            let second = try await server.send(
                .post, "/v1/batchJobs/global-sims/basicServicePackage",
                json: #"{"giccids": ["\#(sims[2])"], "servicePackageName": "Prepaid-Basic-5G"}"#)
            let secondId = try #require(second.json["jobId"] as? String)
            // When the jobs are listed
            let list = try await server.send(.get, "/_sim/batch-jobs", key: nil)
            // Then the later job comes first, still pending, and the first one has finished with its counts
            #expect(list.json["total"] as? Int == 2)
            let jobs = list.items("batchJobs")
            #expect(jobs.compactMap { $0["jobId"] as? String } == [secondId, firstId])
            #expect(
                jobs[0] as NSDictionary
                    == [
                        "jobId": secondId, "type": "MODIFY_QUOTA_PLAN", "status": "PROCESSING", "createdTime": "2025-03-15T08:00:10+0000",
                        "finishedTime": NSNull(), "servicePackageName": "Prepaid-Basic-5G", "taskCount": 1, "pendingCount": 1,
                        "successCount": 0, "failCount": 0,
                    ] as NSDictionary)
            #expect(jobs[1]["type"] as? String == "DEACTIVATE")
            #expect(jobs[1]["status"] as? String == "FINISHED")
            #expect(jobs[1]["finishedTime"] as? String != nil)
            #expect(jobs[1]["servicePackageName"] is NSNull)
            #expect(jobs[1]["taskCount"] as? Int == 3)
            #expect(jobs[1]["pendingCount"] as? Int == 0)
            #expect(jobs[1]["successCount"] as? Int == 2)
            #expect(jobs[1]["failCount"] as? Int == 1)
            // And the list can be filtered by status and paged
            let finished = try await server.send(.get, "/_sim/batch-jobs?status=FINISHED", key: nil).items("batchJobs")
            #expect(finished.compactMap { $0["jobId"] as? String } == [firstId])
            let secondPage = try await server.send(.get, "/_sim/batch-jobs?page=1&size=1", key: nil)
            #expect(secondPage.items("batchJobs").compactMap { $0["jobId"] as? String } == [firstId])
            #expect(secondPage.json["total"] as? Int == 2)
        }
    }

    @Test func batchJobsAreListedPerEnterprise() async throws {
        try await TestServer.run { server in
            let tenant = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team C"}"#)
            let tenantKey = try #require(tenant.json["apiKey"] as? String)
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            try await server.send(.post, "/v1/batchJobs/global-sims/deactivate", json: #"{"giccids": ["\#(giccid)"]}"#)
            let demo = try await server.send(.get, "/_sim/batch-jobs?enterpriseName=Demo%20IoT%20Ltd", key: nil)
            #expect(demo.json["total"] as? Int == 1)
            let byName = try await server.send(.get, "/_sim/batch-jobs?enterpriseName=Team%20C", key: nil)
            #expect(byName.json["total"] as? Int == 0)
            let byKey = try await server.send(.get, "/_sim/batch-jobs", key: tenantKey)
            #expect(byKey.json["total"] as? Int == 0)
        }
    }

    @Test func badListRequestsAreProblems() async throws {
        try await TestServer.run { server in
            let badStatus = try await server.send(.get, "/_sim/batch-jobs?status=DONE", key: nil)
            #expect(badStatus.status == .unprocessableContent)
            #expect(badStatus.errors.first?["field"] as? String == "status")
            let badSize = try await server.send(.get, "/_sim/batch-jobs?size=1001", key: nil)
            #expect(badSize.status == .unprocessableContent)
            #expect(badSize.errors.first?["field"] as? String == "size")
            let unknown = try await server.send(.get, "/_sim/batch-jobs?enterpriseName=Nobody", key: nil)
            #expect(unknown.status == .notFound)
            #expect(unknown.errors.first?["field"] as? String == "enterpriseName")
            let wrongMethod = try await server.send(.delete, "/_sim/batch-jobs", key: nil)
            #expect(wrongMethod.status == .methodNotAllowed)
        }
    }

    @Test func theListsNeedTheAdminTokenWhenTheServerHasOne() async throws {
        try await TestServer.run(adminToken: "s3cret") { server in
            for path in ["/_sim/enterprises", "/_sim/batch-jobs"] {
                let without = try await server.send(.get, path, key: nil)
                #expect(without.status == .unauthorized, "\(path)")
                let with = try await server.send(.get, path, key: nil, headers: [.authorization: "Bearer s3cret"])
                #expect(with.status == .ok, "\(path)")
            }
        }
    }
}
