import Foundation
import Testing

@testable import SimHTTP

/// `/v1/mt-sms` and `/_sim/sims/{giccid}/mo-sms`: sending, following, injecting, and what is refused.
@Suite struct SMSEndpointTests {
    @Test func anMTSMSIsAcceptedAndDeliveredOnTheClock() async throws {
        try await TestServer.run { server in
            // Given an ACTIVATED SIM and its SMS count
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let countBefore = try #require(try await server.send(.get, "/v1/global-sims/\(giccid)").json["cycleSmsCount"] as? Int)
            // When an SMS is sent to it
            let created = try await server.send(.post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "PING"}"#)
            // Then it is accepted with its id, PENDING
            #expect(created.status == .created)
            #expect(Set(created.json.keys) == ["smsMsgId", "status"])
            #expect(created.json["status"] as? String == "PENDING")
            let smsMsgId = try #require(created.json["smsMsgId"] as? String)
            #expect(smsMsgId.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            // And it reads back with every field, the unset ones null
            let pending = try await server.send(.get, "/v1/mt-sms/\(smsMsgId)")
            #expect(pending.status == .ok)
            #expect(
                Set(pending.json.keys) == [
                    "smsMsgId", "toGiccid", "content", "encoding", "parts", "status", "createdTime", "deliveredTime", "errorMessage",
                ])
            #expect(pending.json["smsMsgId"] as? String == smsMsgId)
            #expect(pending.json["toGiccid"] as? String == giccid)
            #expect(pending.json["content"] as? String == "PING")
            #expect(pending.json["encoding"] as? String == "GSM7")
            #expect(pending.json["parts"] as? Int == 1)
            #expect(pending.json["status"] as? String == "PENDING")
            #expect(pending.json["createdTime"] as? String == "2025-03-15T08:00:00+0000")
            #expect(pending.json["deliveredTime"] is NSNull)
            #expect(pending.json["errorMessage"] is NSNull)
            // When the clock passes the delivery delay
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "2s"}"#)
            // Then it is DELIVERED at +2 s and counted on the SIM
            let delivered = try await server.send(.get, "/v1/mt-sms/\(smsMsgId)")
            #expect(delivered.json["status"] as? String == "DELIVERED")
            #expect(delivered.json["deliveredTime"] as? String == "2025-03-15T08:00:02+0000")
            #expect(delivered.json["errorMessage"] is NSNull)
            #expect(try await server.send(.get, "/v1/global-sims/\(giccid)").json["cycleSmsCount"] as? Int == countBefore + 1)
        }
    }

    @Test func anSMSToASIMThatIsNotActivatedFails() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "DEACTIVATED")
            let body = #"{"toGiccid": "\#(giccid)", "content": "Привет, мир", "encoding": "UCS2"}"#
            let smsMsgId = try #require(try await server.send(.post, "/v1/mt-sms", json: body).json["smsMsgId"] as? String)
            try await server.send(.post, "/_sim/clock/advance", key: nil, json: #"{"by": "10s"}"#)
            let failed = try await server.send(.get, "/v1/mt-sms/\(smsMsgId)")
            #expect(failed.json["status"] as? String == "FAILED")
            #expect(failed.json["encoding"] as? String == "UCS2")
            #expect(failed.json["deliveredTime"] is NSNull)
            #expect(failed.json["errorMessage"] as? String == "SIM status is DEACTIVATED; only an ACTIVATED SIM receives SMS")
        }
    }

    @Test func anUnknownOrAnotherEnterprisesSMSIsNotFound() async throws {
        try await TestServer.run { server in
            // Given an SMS of the demo enterprise and another enterprise's key
            let created = try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team", "seed": "empty"}"#)
            let teamKey = try #require(created.json["apiKey"] as? String)
            let giccid = try await server.anySIM()
            let smsMsgId = try #require(
                try await server.send(.post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "hi"}"#).json["smsMsgId"] as? String)
            // When the other enterprise asks for it, and for an id that does not exist
            let foreign = try await server.send(.get, "/v1/mt-sms/\(smsMsgId)", key: teamKey)
            let absent = try await server.send(.get, "/v1/mt-sms/00000000000000000000000000000000", key: teamKey)
            // Then both are the same 404
            #expect(foreign.status == .notFound)
            #expect(foreign.text == absent.text)
            #expect(foreign.errors.first?["resource"] as? String == "Sms")
            #expect(foreign.errors.first?["field"] as? String == "smsMsgId")
            #expect(foreign.errors.first?["code"] as? String == "missing")
            // And the SIM is unknown to the other enterprise: sending to it is refused as missing
            let toForeignSIM = try await server.send(.post, "/v1/mt-sms", key: teamKey, json: #"{"toGiccid": "\#(giccid)", "content": "hi"}"#)
            #expect(toForeignSIM.status == .unprocessableContent)
            #expect(toForeignSIM.errors.first?["resource"] as? String == "SIM")
            #expect(toForeignSIM.errors.first?["field"] as? String == "toGiccid")
            #expect(toForeignSIM.errors.first?["code"] as? String == "missing")
        }
    }

    @Test(arguments: [
        (#"{"toGiccid": "8944000000000000001", "content": "hi"}"#, "toGiccid", "missing"),
        (#"{"toGiccid": "GICCID", "content": ""}"#, "content", "invalid"),
        (#"{"toGiccid": "GICCID", "content": "Привет", "encoding": "GSM7"}"#, "encoding", "invalid"),
        (#"{"toGiccid": "GICCID", "content": "hi", "encoding": "ASCII"}"#, "encoding", "invalid"),
        (#"{"content": "hi"}"#, "toGiccid", "missing_field"),
        (#"{"toGiccid": "GICCID"}"#, "content", "missing_field"),
        (#"{"toGiccid": "GICCID", "content": "hi", "from": "me"}"#, "from", "invalid"),
    ])
    func anInvalidSendIs422(body: String, field: String, code: String) async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let reply = try await server.send(.post, "/v1/mt-sms", json: body.replacingOccurrences(of: "GICCID", with: giccid))
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errors.first?["field"] as? String == field)
            #expect(reply.errors.first?["code"] as? String == code)
        }
    }

    @Test func aTextOfMoreThanTenPartsIs422() async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let longest = String(repeating: "a", count: 1530)
            let accepted = try await server.send(.post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "\#(longest)"}"#)
            #expect(accepted.status == .created)
            let tooLong = try await server.send(.post, "/v1/mt-sms", json: #"{"toGiccid": "\#(giccid)", "content": "\#(longest)a"}"#)
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.errors.first?["field"] as? String == "content")
            #expect((tooLong.errors.first?["message"] as? String)?.contains("11 parts") == true)
        }
    }

    @Test(arguments: [
        #"{"toGiccid": 8944000000000000001, "content": "hi"}"#,
        #"{"toGiccid": "GICCID", "content": 42}"#,
        #"{"toGiccid": "GICCID", "content": "hi", "encoding": null}"#,
        #"["GICCID"]"#,
        "not json",
    ])
    func aWrongJSONTypeIs400(body: String) async throws {
        try await TestServer.run { server in
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let reply = try await server.send(.post, "/v1/mt-sms", json: body.replacingOccurrences(of: "GICCID", with: giccid))
            #expect(reply.status == .badRequest)
            #expect(reply.json["title"] as? String == "Bad Request")
        }
    }

    @Test func theSMSOperationsNeedAKeyAndTheirMethods() async throws {
        try await TestServer.run { server in
            let noKeyPost = try await server.send(.post, "/v1/mt-sms", key: nil, json: #"{"toGiccid": "1", "content": "hi"}"#)
            let noKeyGet = try await server.send(.get, "/v1/mt-sms/00000000000000000000000000000000", key: nil)
            let list = try await server.send(.get, "/v1/mt-sms")
            let delete = try await server.send(.delete, "/v1/mt-sms/00000000000000000000000000000000")
            #expect(noKeyPost.status == .unauthorized && noKeyGet.status == .unauthorized)
            #expect(list.status == .methodNotAllowed && delete.status == .methodNotAllowed)
        }
    }

    // MARK: - MO SMS (control API)

    @Test func aDeviceSendsAnSMS() async throws {
        try await TestServer.run { server in
            // Given an ACTIVATED SIM
            let giccid = try await server.sim(inStatus: "ACTIVATED")
            let countBefore = try #require(try await server.send(.get, "/v1/global-sims/\(giccid)").json["cycleSmsCount"] as? Int)
            // When its device sends an SMS
            let reply = try await server.send(.post, "/_sim/sims/\(giccid)/mo-sms", key: nil, json: #"{"content": "temp=21C {ok}"}"#)
            // Then the answer is the MO_SMS push's data, and the SMS is counted
            #expect(reply.status == .created)
            #expect(Set(reply.json.keys) == ["smsMsgId", "content", "encoding", "receivedTime"])
            #expect((reply.json["smsMsgId"] as? String)?.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            #expect(reply.json["content"] as? String == "temp=21C {ok}")
            #expect(reply.json["encoding"] as? String == "GSM7")
            #expect(reply.json["receivedTime"] as? String == "2025-03-15T08:00:00+0000")
            #expect(try await server.send(.get, "/v1/global-sims/\(giccid)").json["cycleSmsCount"] as? Int == countBefore + 1)
        }
    }

    @Test func anMOSMSIsRefusedForABadSIMOrBody() async throws {
        try await TestServer.run { server in
            let activated = try await server.sim(inStatus: "ACTIVATED")
            let suspended = try await server.sim(inStatus: "DEACTIVATED")
            // A SIM that is not ACTIVATED: 422 illegal_status
            let notActive = try await server.send(.post, "/_sim/sims/\(suspended)/mo-sms", key: nil, json: #"{"content": "hi"}"#)
            #expect(notActive.status == .unprocessableContent)
            #expect(notActive.errors.first?["code"] as? String == "illegal_status")
            #expect(notActive.errors.first?["message"] as? String == "SIM status is DEACTIVATED; only an ACTIVATED SIM sends SMS")
            // An unknown SIM, or one of another enterprise: 404
            let unknown = try await server.send(.post, "/_sim/sims/8944000000000000001/mo-sms", key: nil, json: #"{"content": "hi"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.errors.first?["resource"] as? String == "SIM")
            #expect(unknown.errors.first?["field"] as? String == "giccid")
            try await server.send(.post, "/_sim/enterprises", key: nil, json: #"{"name": "Team", "seed": "empty"}"#)
            let foreign = try await server.send(
                .post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": "hi", "enterpriseName": "Team"}"#)
            #expect(foreign.status == .notFound)
            let noEnterprise = try await server.send(
                .post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": "hi", "enterpriseName": "Nobody"}"#)
            #expect(noEnterprise.errors.first?["resource"] as? String == "Enterprise")
            // Bad bodies: 422 for a missing, invalid or unknown field, 400 for a wrong type
            let missing = try await server.send(.post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: "{}")
            #expect(missing.errors.first?["code"] as? String == "missing_field")
            let empty = try await server.send(.post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": ""}"#)
            #expect(empty.errors.first?["field"] as? String == "content")
            let gsm = try await server.send(.post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": "€ ж", "encoding": "GSM7"}"#)
            #expect(gsm.errors.first?["field"] as? String == "encoding")
            let extra = try await server.send(.post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": "hi", "to": "x"}"#)
            #expect(extra.errors.first?["field"] as? String == "to")
            let wrongType = try await server.send(.post, "/_sim/sims/\(activated)/mo-sms", key: nil, json: #"{"content": 1}"#)
            #expect(wrongType.status == .badRequest)
        }
    }
}
