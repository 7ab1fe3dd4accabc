import Testing

@testable import SimCore

/// SMS: encoding and parts, MT delivery on the clock, MO injection, and their pushes.
@Suite struct SMSTests {
    let enterprise = TestWorld.enterpriseName

    // MARK: - Encoding and parts

    @Test func theGSMAlphabetHasItsBasicSetAndExtensionTable() {
        #expect(SMSEncoding.gsmBasicCharacters.count == 127)
        #expect(SMSEncoding.gsmExtensionCharacters.count == 10)
    }

    @Test(arguments: [
        ("Hello, world! 0123456789 @£$¥", SMSEncoding.gsm7),
        ("Extension: € { } [ ] ~ | ^ \\ \u{0C}", .gsm7),
        ("ÄÖÑÜ§¿äöñüà ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ èéùìòÇØøÅå", .gsm7),
        ("line\r\nbreak", .gsm7),
        ("Привет", .ucs2),
        ("ç", .ucs2),
        ("a\tb", .ucs2),
        ("back`tick", .ucs2),
        ("smile 😀", .ucs2),
    ])
    func theEncodingIsGSM7OnlyWhenEveryCharacterIsInTheGSMAlphabet(content: String, expected: SMSEncoding) {
        #expect(SMSEncoding.detect(content) == expected)
    }

    @Test(arguments: [
        (1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4), (1530, 10), (1531, 11),
    ])
    func gsm7PartsHold160SeptetsAlone_153WhenSplit(length: Int, parts: Int) {
        #expect(SMSEncoding.gsm7.parts(of: String(repeating: "a", count: length)) == parts)
    }

    @Test(arguments: [
        (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4), (670, 10), (671, 11),
    ])
    func ucs2PartsHold70CodeUnitsAlone_67WhenSplit(length: Int, parts: Int) {
        #expect(SMSEncoding.ucs2.parts(of: String(repeating: "Ж", count: length)) == parts)
    }

    @Test func anExtensionCharacterTakesTwoSeptetsAndIsNeverSplit() {
        // 80 € are 160 septets: one part; 81 are 162: split, 76 per part
        #expect(SMSEncoding.gsm7.units(of: String(repeating: "€", count: 80)) == 160)
        #expect(SMSEncoding.gsm7.parts(of: String(repeating: "€", count: 80)) == 1)
        #expect(SMSEncoding.gsm7.parts(of: String(repeating: "€", count: 81)) == 2)
        // 152 + 2 + 152 = 306 septets would fill two parts exactly, but the € cannot straddle them
        let straddling = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152)
        #expect(SMSEncoding.gsm7.units(of: straddling) == 306)
        #expect(SMSEncoding.gsm7.parts(of: straddling) == 3)
    }

    @Test func aCharacterOutsideTheBMPTakesTwoUTF16CodeUnits() {
        #expect(SMSEncoding.ucs2.units(of: String(repeating: "😀", count: 35)) == 70)
        #expect(SMSEncoding.ucs2.parts(of: String(repeating: "😀", count: 35)) == 1)
        #expect(SMSEncoding.ucs2.parts(of: String(repeating: "😀", count: 36)) == 2)
        #expect(SMSEncoding.gsm7.parts(of: "😀") == nil)
    }

    @Test func aTextIsCheckedAndGetsItsEncodingAndParts() throws {
        let plain = try SMSText("Hello €", encoding: nil)
        #expect(plain.encoding == .gsm7 && plain.parts == 1)
        let forcedUCS2 = try SMSText(String(repeating: "a", count: 71), encoding: .ucs2)
        #expect(forcedUCS2.encoding == .ucs2 && forcedUCS2.parts == 2)
        let longest = try SMSText(String(repeating: "a", count: 1530), encoding: nil)
        #expect(longest.parts == SMSEncoding.maximumParts)
        #expect(try SMSText(String(repeating: "Ж", count: 670), encoding: nil).parts == 10)
    }

    @Test(
        arguments: [
            ("", nil, "content"),
            ("Привет", .gsm7, "encoding"),
            (String(repeating: "a", count: 1531), nil, "content"),
            (String(repeating: "Ж", count: 671), nil, "content"),
            (String(repeating: "a", count: 671), .ucs2, "content"),
        ] as [(String, SMSEncoding?, String)])
    func anUnsendableTextIsInvalid(content: String, encoding: SMSEncoding?, field: String) {
        let refusal = #expect(throws: SimError.self) { try SMSText(content, encoding: encoding) }
        #expect(refusal?.category == .rejected)
        #expect(refusal?.issues.first?.resource == "Sms")
        #expect(refusal?.issues.first?.field == field)
        #expect(refusal?.issues.first?.code == .invalid)
    }

    @Test func tooManyPartsNamesTheCountAndTheLimit() {
        let refusal = #expect(throws: SimError.self) { try SMSText(String(repeating: "a", count: 1531), encoding: nil) }
        #expect(refusal?.issues.first?.message == "the content needs 11 parts as GSM7; at most 10 parts (1530 septets) are allowed")
    }

    // MARK: - MT SMS

    @Test(arguments: SIMStatus.allCases)
    func anMTSMSIsDeliveredTwoSecondsLaterOnlyToAnActivatedSIM(status: SIMStatus) throws {
        // Given a SIM in `status`
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(status)
        let countBefore = try simulator.sim(giccid, enterprise: enterprise).cycleSmsCount
        // When an SMS is sent to it
        let sent = try simulator.sendMTSMS(toGiccid: giccid, content: "PING", encoding: nil, enterprise: enterprise)
        // Then it is accepted, PENDING, whatever the SIM's status
        #expect(sent.smsMsgId.count == 32 && sent.smsMsgId.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(sent.status == .pending)
        #expect(sent.toGiccid == giccid && sent.content == "PING" && sent.encoding == .gsm7 && sent.parts == 1)
        #expect(sent.createdTime == TestWorld.startTime)
        #expect(sent.deliveredTime == nil && sent.errorMessage == nil)
        // And it stays PENDING until the delivery delay has passed
        try simulator.advance(by: SimDuration(milliseconds: 1999))
        #expect(try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise).status == .pending)
        try simulator.advance(by: SimDuration(milliseconds: 1))
        // Then at +2 s it is DELIVERED and counted for an ACTIVATED SIM, FAILED otherwise
        let final = try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise)
        let countAfter = try simulator.sim(giccid, enterprise: enterprise).cycleSmsCount
        if status == .activated {
            #expect(final.status == .delivered)
            #expect(final.deliveredTime == TestWorld.startTime.adding(.seconds(2)))
            #expect(final.errorMessage == nil)
            #expect(countAfter == countBefore + 1)
        } else {
            #expect(final.status == .failed)
            #expect(final.deliveredTime == nil)
            #expect(final.errorMessage == "SIM status is \(status.rawValue); only an ACTIVATED SIM receives SMS")
            #expect(countAfter == countBefore)
        }
        #expect(final.createdTime == TestWorld.startTime)
    }

    @Test func aLongSMSCountsEachOfItsParts() throws {
        // Given an ACTIVATED SIM with 3 SMS this cycle
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        // When a text of 161 GSM characters (2 parts) is delivered to it
        let sent = try simulator.sendMTSMS(toGiccid: giccid, content: String(repeating: "x", count: 161), encoding: nil, enterprise: enterprise)
        #expect(sent.parts == 2)
        try simulator.advance(by: .seconds(2))
        // Then its cycle count grows by 2
        #expect(try simulator.sim(giccid, enterprise: enterprise).cycleSmsCount == TestWorld.marchSmsCount + 2)
    }

    @Test func aDeliveryInANewMonthStartsTheNewCyclesCount() throws {
        // Given an ACTIVATED SIM with 3 SMS in March, and an SMS sent a second before April
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        let lastSecondOfMarch = try Timestamp(smarthub: "2025-03-31T23:59:59+0000")
        try simulator.advance(to: lastSecondOfMarch)
        let sent = try simulator.sendMTSMS(toGiccid: giccid, content: "hello", encoding: nil, enterprise: enterprise)
        // When it is delivered in April
        try simulator.advance(by: .seconds(2))
        // Then April's count holds only this SMS
        #expect(try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise).deliveredTime == lastSecondOfMarch.adding(.seconds(2)))
        let sim = try simulator.sim(giccid, enterprise: enterprise)
        #expect(sim.usageCycleName == "2025-04")
        #expect(sim.cycleSmsCount == 1)
        #expect(sim.cycleDataUsageBytes == 0)
    }

    @Test func theStatusAtDeliveryDecides() throws {
        // Given an SMS to an ACTIVATED SIM that is suspended before the delivery
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        let sent = try simulator.sendMTSMS(toGiccid: giccid, content: "hello", encoding: nil, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: giccid, enterprise: enterprise, source: .api)
        // When the delivery time comes
        try simulator.advance(by: .seconds(2))
        // Then it fails
        let final = try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise)
        #expect(final.status == .failed)
        #expect(final.errorMessage == "SIM status is DEACTIVATED; only an ACTIVATED SIM receives SMS")
    }

    @Test func theDeliveryDelayComesFromTheSettings() throws {
        let simulator = TestWorld.simulator()
        var settings = EnterpriseSettings.defaults
        #expect(settings.smsDeliveryDelay == .seconds(2))
        settings.smsDeliveryDelay = .minutes(1)
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        let sent = try simulator.sendMTSMS(toGiccid: TestWorld.giccid(.activated), content: "hi", encoding: nil, enterprise: enterprise)
        try simulator.advance(by: .seconds(59))
        #expect(try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise).status == .pending)
        try simulator.advance(by: .seconds(1))
        #expect(try simulator.mtSMS(sent.smsMsgId, enterprise: enterprise).status == .delivered)
    }

    @Test func anUnknownOrAnotherEnterprisesSIMIsMissingOnToGiccid() throws {
        // Given another enterprise with a SIM of its own
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        let foreign = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 1), enterprise: "Other")[0]
        for giccid in ["8944000000000000001", foreign.giccid] {
            // When an SMS is sent to a SIM the enterprise does not have
            let refusal = #expect(throws: SimError.self) {
                try simulator.sendMTSMS(toGiccid: giccid, content: "hello", encoding: nil, enterprise: enterprise)
            }
            // Then it is refused as missing, naming the field
            #expect(refusal?.category == .rejected)
            #expect(refusal?.issues.first?.resource == "SIM")
            #expect(refusal?.issues.first?.field == "toGiccid")
            #expect(refusal?.issues.first?.code == .missing)
        }
    }

    @Test func anInvalidTextIsRefusedBeforeAnythingIsStored() throws {
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        let refusal = #expect(throws: SimError.self) {
            try simulator.sendMTSMS(toGiccid: giccid, content: "Привет", encoding: .gsm7, enterprise: enterprise)
        }
        #expect(refusal?.issues.first?.field == "encoding")
        try simulator.advance(by: .seconds(5))
        #expect(try simulator.sim(giccid, enterprise: enterprise).cycleSmsCount == TestWorld.marchSmsCount)
    }

    @Test func anUnknownOrAnotherEnterprisesMessageIsNotFound() throws {
        // Given an SMS of another enterprise
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        let foreign = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 1), enterprise: "Other")[0]
        let theirs = try simulator.sendMTSMS(toGiccid: foreign.giccid, content: "hi", encoding: nil, enterprise: "Other")
        // When the enterprise asks for it, or for an id that does not exist, Then both are not found alike
        for smsMsgId in [theirs.smsMsgId, "00000000000000000000000000000000"] {
            let refusal = #expect(throws: SimError.self) { try simulator.mtSMS(smsMsgId, enterprise: enterprise) }
            #expect(refusal == SimError.notFound("Sms", field: "smsMsgId"))
        }
        #expect(try simulator.mtSMS(theirs.smsMsgId, enterprise: "Other").toGiccid == foreign.giccid)
    }

    @Test func aDeletedEnterprisesPendingSMSNeverReachesANewOneOfTheSameName() throws {
        // Given an SMS pending in an enterprise that is then deleted and created again
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        let sim = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 1), enterprise: "Other")[0]
        let sent = try simulator.sendMTSMS(toGiccid: sim.giccid, content: "hi", encoding: nil, enterprise: "Other")
        try simulator.deleteEnterprise(named: "Other")
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        // When its delivery time passes, Then nothing of it shows in the new enterprise
        try simulator.advance(by: .seconds(5))
        #expect(throws: SimError.self) { try simulator.mtSMS(sent.smsMsgId, enterprise: "Other") }
    }

    // MARK: - MO SMS

    @Test func anActivatedSIMSendsAnSMSCountedInItsCycle() throws {
        // Given an ACTIVATED SIM, a minute after the start
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        try simulator.advance(by: .minutes(1))
        // When its device sends a UCS2 text
        let received = try simulator.injectMOSMS(fromGiccid: giccid, content: "Привет", encoding: nil, enterprise: enterprise)
        // Then the message is received now, with its encoding, and counted
        #expect(received.smsMsgId.count == 32 && received.smsMsgId.allSatisfy(\.isHexDigit))
        #expect(received.fromGiccid == giccid && received.content == "Привет")
        #expect(received.encoding == .ucs2 && received.parts == 1)
        #expect(received.receivedTime == TestWorld.startTime.adding(.minutes(1)))
        #expect(try simulator.sim(giccid, enterprise: enterprise).cycleSmsCount == TestWorld.marchSmsCount + 1)
    }

    @Test(arguments: SIMStatus.allCases.filter { $0 != .activated })
    func onlyAnActivatedSIMSendsSMS(status: SIMStatus) throws {
        let simulator = TestWorld.simulator()
        let refusal = #expect(throws: SimError.self) {
            try simulator.injectMOSMS(fromGiccid: TestWorld.giccid(status), content: "hi", encoding: nil, enterprise: enterprise)
        }
        #expect(refusal?.category == .rejected)
        #expect(refusal?.issues.first?.resource == "SIM")
        #expect(refusal?.issues.first?.field == "status")
        #expect(refusal?.issues.first?.code == .illegalStatus)
        #expect(refusal?.issues.first?.message == "SIM status is \(status.rawValue); only an ACTIVATED SIM sends SMS")
    }

    @Test func anMOSMSFromAnUnknownSIMOrWithABadTextIsRefused() throws {
        let simulator = TestWorld.simulator()
        let unknown = #expect(throws: SimError.self) {
            try simulator.injectMOSMS(fromGiccid: "8944000000000000001", content: "hi", encoding: nil, enterprise: enterprise)
        }
        #expect(unknown == SimError.notFound("SIM", field: "giccid"))
        let empty = #expect(throws: SimError.self) {
            try simulator.injectMOSMS(fromGiccid: TestWorld.giccid(.activated), content: "", encoding: nil, enterprise: enterprise)
        }
        #expect(empty?.issues.first?.field == "content")
    }

    // MARK: - Pushes

    @Test func smsArePushedWithTheirData() async throws {
        // Given a webhook, an MO SMS at the start and two MT SMS (to an ACTIVATED and a DEACTIVATED SIM)
        let transport = ScriptedPushTransport()
        let simulator = Simulator(seed: TestWorld.make(), clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/hook"), forAccount: nil, enterprise: enterprise)
        let activated = TestWorld.giccid(.activated)
        let deactivated = TestWorld.giccid(.deactivated, account: TestWorld.prepaidAccount)
        let mo = try simulator.injectMOSMS(fromGiccid: activated, content: "status ok", encoding: nil, enterprise: enterprise)
        let delivered = try simulator.sendMTSMS(toGiccid: activated, content: "PING", encoding: nil, enterprise: enterprise)
        let failed = try simulator.sendMTSMS(toGiccid: deactivated, content: "PING", encoding: .ucs2, enterprise: enterprise)
        // When the clock moves on, delivering what falls due
        try await simulator.advanceAndDeliver(by: .seconds(5))
        // Then three pushes went out: MO_SMS at once, and a status report of each MT SMS at +2 s
        let events = transport.requests.map(\.event)
        #expect(events.count == 3)
        let moPush = try #require(events.first { $0.eventType == .moSMS })
        #expect(moPush.giccid == activated && moPush.accountName == TestWorld.postpaidAccount)
        #expect(moPush.eventTime == TestWorld.startTime)
        #expect(
            moPush.data == [
                "smsMsgId": .string(mo.smsMsgId), "content": .string("status ok"), "encoding": .string("GSM7"),
                "receivedTime": .string("2025-03-15T08:00:00+0000"),
            ])
        let reports = events.filter { $0.eventType == .mtSMSStatusReport }
        let deliveredPush = try #require(reports.first { $0.giccid == activated })
        #expect(deliveredPush.eventTime == TestWorld.startTime.adding(.seconds(2)))
        #expect(
            deliveredPush.data == [
                "smsMsgId": .string(delivered.smsMsgId), "status": .string("DELIVERED"), "errorMessage": .null,
                "deliveredTime": .string("2025-03-15T08:00:02+0000"),
            ])
        let failedPush = try #require(reports.first { $0.giccid == deactivated })
        #expect(failedPush.accountName == TestWorld.prepaidAccount)
        #expect(
            failedPush.data == [
                "smsMsgId": .string(failed.smsMsgId), "status": .string("FAILED"),
                "errorMessage": .string("SIM status is DEACTIVATED; only an ACTIVATED SIM receives SMS"), "deliveredTime": .null,
            ])
    }
}
