import Foundation
import Testing

@testable import SimHTTP

/// `/v1/batchJobs`: posting a job, polling it, and what is refused.
@Suite struct BatchJobEndpointTests {
    @Test func aJobIsPostedPolledAndFinishesOnTheClock() async throws {
        try await TestServer.run { server in
            // Given two ACTIVATED SIMs and an unknown one
            let sims = try await server.send(.get, "/v1/global-sims?status=ACTIVATED&size=2").items("sims").compactMap { $0["giccid"] as? String }
            let body = #"{"giccids": ["\#(sims[0])", "\#(sims[1])", "8944000000000000001"]}"#
            // When a DEACTIVATE job is posted
            let created = try await server.send(.post, "/v1/batchJobs/global-sims/deactivate", json: body)
            #expect(created.status == .created)
            #expect(Set(created.json.keys) == ["jobId"])
            let jobId = try #require(created.json["jobId"] as? String)
            #expect(jobId.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            // Then it is PROCESSING with the documented shape and every task PENDING
            let pending = try await server.send(.get, "/v1/batchJobs/\(jobId)")
            #expect(Set(pending.json.keys) == ["jobId", "type", "status", "createdTime", "tasks", "page", "size", "total"])
            #expect(pending.json["type"] as? String == "DEACTIVATE")
            #expect(pending.json["status"] as? String == "PROCESSING")
            #expect(pending.json["createdTime"] as? String == "2025-03-15T08:00:00+0000")
            #expect(pending.items("tasks").allSatisfy { $0["status"] as? String == "PENDING" && $0["errorMessage"] is NSNull })
            #expect(Set(pending.items("tasks")[0].keys) == ["giccid", "basicServicePackageName", "status", "errorMessage"])
            // And the held SIM refuses a single call, naming the job
            let held = try await server.send(.post, "/v1/global-sims/\(sims[0])/deactivate")
            #expect(held.status == .unprocessableContent)
            #expect(held.errors.first?["code"] as? String == "illegal_status")
            #expect((held.errors.first?["message"] as? String)?.contains(jobId) == true)
            // When the clock moves on
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "10s"}"#)
            // Then the job is FINISHED with a mix of SUCCESS and FAIL
            let finished = try await server.send(.get, "/v1/batchJobs/\(jobId)")
            #expect(finished.json["status"] as? String == "FINISHED")
            #expect(finished.items("tasks").map { $0["status"] as? String } == ["SUCCESS", "SUCCESS", "FAIL"])
            #expect(finished.items("tasks")[2]["errorMessage"] as? String == "SIM 8944000000000000001 not found")
            let sim = try await server.send(.get, "/v1/global-sims/\(sims[0])")
            #expect(sim.json["status"] as? String == "DEACTIVATED")
            let log = try await server.send(.get, "/v1/global-sims/changeLogs?giccid=\(sims[0])")
            #expect(log.items("changeLogs").first?["source"] as? String == "BATCH")
        }
    }

    @Test func tasksArePaged() async throws {
        try await TestServer.run { server in
            let all = try await server.send(.get, "/v1/global-sims?size=25").items("sims").compactMap { $0["giccid"] as? String }
            let list = all.map { "\"\($0)\"" }.joined(separator: ",")
            let jobId = try #require(
                try await server.send(.post, "/v1/batchJobs/global-sims/activate", json: #"{"giccids": [\#(list)]}"#)
                    .json["jobId"] as? String)
            let page = try await server.send(.get, "/v1/batchJobs/\(jobId)?page=2&size=10")
            #expect(page.json["total"] as? Int == 25)
            #expect(page.json["page"] as? Int == 2)
            #expect(page.items("tasks").compactMap { $0["giccid"] as? String } == Array(all[20..<25]))
            let bad = try await server.send(.get, "/v1/batchJobs/\(jobId)?size=0")
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test func aPlanChangeJobNamesItsTargetPlanInEveryTask() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let body = #"{"giccids": ["\#(giccid)"], "servicePackageName": "Prepaid-Basic-5G"}"#
            let created = try await server.send(.post, "/v1/batchJobs/global-sims/basicServicePackage", json: body)
            let jobId = try #require(created.json["jobId"] as? String)
            let job = try await server.send(.get, "/v1/batchJobs/\(jobId)")
            #expect(job.json["type"] as? String == "MODIFY_QUOTA_PLAN")
            #expect(job.items("tasks").first?["basicServicePackageName"] as? String == "Prepaid-Basic-5G")
            let noPlan = try await server.send(.post, "/v1/batchJobs/global-sims/basicServicePackage", json: #"{"giccids": ["\#(giccid)"]}"#)
            #expect(noPlan.status == .unprocessableContent)
            #expect(noPlan.errors.first?["code"] as? String == "missing_field")
            let addon = try await server.send(
                .post, "/v1/batchJobs/global-sims/basicServicePackage",
                json: #"{"giccids": ["\#(giccid)"], "servicePackageName": "Prepaid-Addon-500M"}"#)
            #expect(addon.status == .unprocessableContent)
            #expect(addon.errors.first?["field"] as? String == "servicePackageName")
        }
    }

    @Test func invalidBodiesAreRefused() async throws {
        try await TestServer.run { server in
            let path = "/v1/batchJobs/global-sims/activate"
            let empty = try await server.send(.post, path, json: #"{"giccids": []}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.errors.first?["field"] as? String == "giccids")
            let repeated = try await server.send(.post, path, json: #"{"giccids": ["8944102015031128875", "8944102015031128875"]}"#)
            #expect(repeated.errors.first?["field"] as? String == "giccids[1]")
            let missing = try await server.send(.post, path, json: "{}")
            #expect(missing.errors.first?["code"] as? String == "missing_field")
            let wrongType = try await server.send(.post, path, json: #"{"giccids": "8944102015031128875"}"#)
            #expect(wrongType.status == .badRequest)
            let wrongItem = try await server.send(.post, path, json: #"{"giccids": [42]}"#)
            #expect(wrongItem.status == .badRequest)
            let unknownKey = try await server.send(.post, path, json: #"{"giccids": ["1"], "iccids": ["2"]}"#)
            #expect(unknownKey.errors.first?["field"] as? String == "iccids")
            let tooMany = (0...10_000).map { "\"89\($0)\"" }.joined(separator: ",")
            let over = try await server.send(.post, path, json: #"{"giccids": [\#(tooMany)]}"#)
            #expect(over.status == .unprocessableContent)
            #expect((over.errors.first?["message"] as? String)?.contains("10000") == true)
        }
    }

    @Test func anotherEnterprisesJobIsNotFound() async throws {
        try await TestServer.run { server in
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team", "seed": "empty"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            let giccid = try await server.anySIM()
            let jobId = try #require(
                try await server.send(.post, "/v1/batchJobs/global-sims/activate", json: #"{"giccids": ["\#(giccid)"]}"#)
                    .json["jobId"] as? String)
            let foreign = try await server.send(.get, "/v1/batchJobs/\(jobId)", key: teamKey)
            let absent = try await server.send(.get, "/v1/batchJobs/00000000000000000000000000000000", key: teamKey)
            #expect(foreign.status == .notFound)
            #expect(foreign.text == absent.text)
            #expect(foreign.errors.first?["resource"] as? String == "BatchJob")
            #expect(foreign.errors.first?["field"] as? String == "jobId")
        }
    }

    @Test func thePaceIsSetThroughTheSettings() async throws {
        try await TestServer.run { server in
            let initial = try await server.send(.get, "/_sim/settings", key: nil)
            #expect(initial.json["batchStartDelay"] as? Double == 1)
            #expect(initial.json["batchTaskInterval"] as? Double == 0.02)
            let changed = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"batchStartDelay": "1m", "batchTaskInterval": 30}"#)
            #expect(changed.json["batchStartDelay"] as? Double == 60)
            #expect(changed.json["batchTaskInterval"] as? Double == 30)
            let giccid = try await server.sim(inStatus: "INVENTORY")
            let jobId = try #require(
                try await server.send(.post, "/v1/batchJobs/global-sims/activate", json: #"{"giccids": ["\#(giccid)"]}"#)
                    .json["jobId"] as? String)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "59s"}"#)
            #expect(try await server.send(.get, "/v1/batchJobs/\(jobId)").json["status"] as? String == "PROCESSING")
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "1s"}"#)
            #expect(try await server.send(.get, "/v1/batchJobs/\(jobId)").json["status"] as? String == "FINISHED")
            let sms = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"smsDeliveryDelay": "10s", "pushTimeout": 0.5}"#)
            #expect(sms.json["smsDeliveryDelay"] as? Double == 10)
            #expect(sms.json["pushTimeout"] as? Double == 0.5)
            let zeroTimeout = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"pushTimeout": 0}"#)
            #expect(zeroTimeout.status == .unprocessableContent)
            let bad = try await server.send(.put, "/_sim/settings", key: nil, json: #"{"batchTaskInterval": "soon"}"#)
            #expect(bad.status == .unprocessableContent)
            // A reset brings the seed's settings back
            try await server.send(.post, "/_sim/reset", key: nil)
            #expect(try await server.send(.get, "/_sim/settings", key: nil).json["batchStartDelay"] as? Double == 1)
        }
    }
}
