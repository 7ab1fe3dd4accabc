import Testing

@testable import SimCore

/// The push engine: who gets which push, retries on the clock, order per SIM, redelivery.
@Suite struct PushEngineTests {
    let enterprise = TestWorld.enterpriseName
    let all = try! PageRequest(size: PageRequest.maximumSize)

    private func simulator(
        _ transport: ScriptedPushTransport, webhook: WebhookConfiguration? = WebhookConfiguration(url: "http://receiver.test/hook")
    )
        throws -> Simulator
    {
        let simulator = Simulator(seed: TestWorld.make(), clockMode: .manual, wallClock: ManualWallClock(), pushTransport: transport)
        if let webhook { try simulator.setWebhook(webhook, forAccount: webhook.accountName, enterprise: enterprise) }
        return simulator
    }

    private func deliveries(_ simulator: Simulator, _ query: DeliveryQuery = DeliveryQuery()) throws -> [Delivery] {
        try simulator.deliveries(query, page: all, enterprise: enterprise).items
    }

    @Test func aStatusChangeIsPushedWithTheEnvelopeAndItsData() async throws {
        // Given a webhook and a SIM suspended by a call
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let giccid = TestWorld.giccid(.activated)
        _ = try simulator.perform(.deactivate, giccid: giccid, enterprise: enterprise, source: .api)
        // When the clock advances (delivering what is due)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then one push went out with the documented envelope
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.url == "http://receiver.test/hook")
        #expect(request.event.eventType == .simStatusChange)
        #expect(request.event.giccid == giccid)
        #expect(request.event.enterpriseName == enterprise)
        #expect(request.event.accountName == TestWorld.postpaidAccount)
        #expect(request.event.eventTime == TestWorld.startTime)
        #expect(
            request.event.data == [
                "previousStatus": .string("ACTIVATED"), "currentStatus": .string("DEACTIVATED"), "source": .string("API"), "jobId": .null,
            ])
        #expect(try deliveries(simulator).map(\.state) == [.delivered])
    }

    @Test func anAttemptCarriesTheEnterprisesSignatureTimeSetting() async throws {
        // Given an enterprise whose pushes are signed with the machine's time
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        var settings = try simulator.settings(enterprise: enterprise)
        #expect(settings.signatureTime == .simulated)
        settings.signatureTime = .wall
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        // When a push goes out
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then its attempt tells the transport so
        #expect(transport.requests.map(\.signatureTime) == [.wall])
    }

    @Test func aRedeliveryGoesToTheWebhookConfiguredNowWithTheSameEvent() async throws {
        // Given a push that failed for good at an old URL
        let transport = ScriptedPushTransport([nil])
        let simulator = try simulator(transport, webhook: WebhookConfiguration(url: "http://old.test/hook"))
        var settings = try simulator.settings(enterprise: enterprise)
        settings.pushRetrySchedule = []
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .zero)
        let failed = try #require(try deliveries(simulator).first)
        #expect(failed.state == .failed)
        // When the webhook moves, with a secret, and the push is redelivered
        try simulator.setWebhook(WebhookConfiguration(url: "http://new.test/hook", secret: "s3cret"), forAccount: nil, enterprise: enterprise)
        _ = try simulator.redeliver(failed.event.eventId, enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then the same event went to the new URL, signed, and was delivered
        #expect(transport.requests.map(\.url) == ["http://old.test/hook", "http://new.test/hook"])
        #expect(transport.requests.last?.event == failed.event && transport.requests.last?.secret == "s3cret")
        #expect(try deliveries(simulator).first?.state == .delivered)
    }

    @Test func withAManualClockPushesWaitForTheNextAdvance() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        #expect(transport.requests.isEmpty)
        #expect(try deliveries(simulator).map(\.attempts.count) == [0])
        try await simulator.advanceAndDeliver(by: .zero)
        #expect(transport.requests.count == 1)
    }

    @Test func withoutAWebhookNothingIsPushed() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport, webhook: nil)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .minutes(1))
        #expect(transport.requests.isEmpty)
        #expect(try deliveries(simulator).isEmpty)
    }

    @Test func batchChangesArePushedWithTheirJob() async throws {
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport)
        let job = try simulator.submitBatchJob(
            BatchJobRequest(kind: .activate, giccids: [TestWorld.giccid(.inventory)]), enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .seconds(2))
        #expect(transport.requests.map { $0.event.data["source"] } == [.string("BATCH")])
        #expect(transport.requests.first?.event.data["jobId"] == .string(job.jobId))
        #expect(transport.requests.first?.time == TestWorld.startTime.adding(.seconds(1)))
    }

    @Test func aFailingReceiverIsRetriedOnTheClockWithTheSameEventUntilItFails() async throws {
        // Given a receiver that always answers 500, and a retry schedule of 5 s and 1 min
        let transport = ScriptedPushTransport(Array(repeating: 500, count: 10))
        let simulator = try simulator(transport)
        var settings = EnterpriseSettings.defaults
        settings.pushRetrySchedule = [.seconds(5), .minutes(1)]
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        // When the clock stops just before the last retry
        try await simulator.advanceAndDeliver(by: SimDuration(milliseconds: 64_999))
        // Then two attempts were made, 5 s apart, and the push is still pending with its next attempt known
        var delivery = try #require(try deliveries(simulator).first)
        #expect(delivery.attempts.map(\.at) == [TestWorld.startTime, TestWorld.startTime.adding(.seconds(5))])
        #expect(delivery.attempts.map(\.httpStatus) == [500, 500])
        #expect(delivery.state == .pending)
        #expect(delivery.nextAttemptTime == TestWorld.startTime.adding(.seconds(65)))
        // When the clock reaches the last retry, Then the push has failed for good after 3 attempts of one event
        try await simulator.advanceAndDeliver(by: SimDuration(milliseconds: 1))
        delivery = try #require(try deliveries(simulator).first)
        #expect(delivery.state == .failed)
        #expect(delivery.attempts.count == 3)
        #expect(Set(transport.requests.map(\.event.eventId)).count == 1)
        #expect(transport.requests.map(\.attemptNumber) == [1, 2, 3])
        // And a later advance makes no more attempts
        try await simulator.advanceAndDeliver(by: .days(2))
        #expect(transport.requests.count == 3)
    }

    @Test func aPushSucceedsOnARetryAfterRefusedConnections() async throws {
        let transport = ScriptedPushTransport([nil, 503])
        let simulator = try simulator(transport)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .minutes(10))
        let delivery = try #require(try deliveries(simulator).first)
        #expect(delivery.state == .delivered)
        #expect(delivery.attempts.map(\.httpStatus) == [nil, 503, 200])
        #expect(delivery.attempts.first?.error == "connection refused")
        #expect(delivery.attempts.map(\.at) == [0, 5, 305].map { TestWorld.startTime.adding(.seconds($0)) })
    }

    @Test func pushesOfOneSIMKeepTheirOrderWhileOtherSIMsGoOn() async throws {
        // Given a receiver failing the first attempt about one SIM, then accepting
        let first = TestWorld.giccid(.activated)
        let other = TestWorld.giccid(.inventory)
        let transport = ScriptedPushTransport(scriptsBySIM: [first: [500]])
        let simulator = try simulator(transport)
        // When one SIM changes twice and another once, at the same moment
        _ = try simulator.perform(.deactivate, giccid: first, enterprise: enterprise, source: .api)
        _ = try simulator.perform(.activate, giccid: first, enterprise: enterprise, source: .api)
        _ = try simulator.perform(.activate, giccid: other, enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .minutes(1))
        // Then the second push of the first SIM waited for the first one's retry; the other SIM did not wait
        let attempts = transport.requests.map { ($0.event.giccid, $0.event.data["currentStatus"], $0.time) }
        let firstSIM = attempts.filter { $0.0 == first }
        #expect(firstSIM.map(\.1) == [.string("DEACTIVATED"), .string("DEACTIVATED"), .string("ACTIVATED")])
        #expect(firstSIM.map(\.2) == [TestWorld.startTime, TestWorld.startTime.adding(.seconds(5)), TestWorld.startTime.adding(.seconds(5))])
        #expect(attempts.filter { $0.0 == other }.map(\.2) == [TestWorld.startTime])
        #expect(try deliveries(simulator).allSatisfy { $0.state == .delivered })
    }

    @Test func aFailedPushCanBeRedelivered() async throws {
        let transport = ScriptedPushTransport([500])
        let simulator = try simulator(transport)
        var settings = EnterpriseSettings.defaults
        settings.pushRetrySchedule = []
        _ = try simulator.updateSettings(settings, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        try await simulator.advanceAndDeliver(by: .seconds(1))
        let failed = try #require(try deliveries(simulator).first)
        #expect(failed.state == .failed)
        let pending = try simulator.redeliver(failed.event.eventId, enterprise: enterprise)
        #expect(pending.state == .pending)
        try await simulator.advanceAndDeliver(by: .zero)
        let delivered = try #require(try deliveries(simulator).first)
        #expect(delivered.state == .delivered)
        #expect(delivered.attempts.map(\.httpStatus) == [500, 200])
        #expect(transport.requests.map(\.event.eventId) == [failed.event.eventId, failed.event.eventId])
        #expect(throws: SimError.notFound("Delivery", field: "eventId")) { try simulator.redeliver("nope", enterprise: enterprise) }
    }

    @Test func webhooksFilterKindsAndAccountsHaveTheirOwn() async throws {
        // Given an enterprise webhook for APN changes only, and an account webhook for everything
        let transport = ScriptedPushTransport()
        let simulator = try simulator(transport, webhook: WebhookConfiguration(url: "http://all.test/", eventTypes: [.simAPNStatusChange]))
        try simulator.setWebhook(
            WebhookConfiguration(url: "http://prepaid.test/", accountName: TestWorld.prepaidAccount), forAccount: TestWorld.prepaidAccount,
            enterprise: enterprise)
        // When a postpaid SIM and a prepaid SIM change status, and the postpaid SIM's APN is disabled
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        _ = try simulator.perform(
            .deactivate, giccid: TestWorld.giccid(.activated, account: TestWorld.prepaidAccount), enterprise: enterprise, source: .api)
        let sim = try simulator.setAPNStatus(.disabled, apnName: nil, giccid: TestWorld.giccid(.inventory), enterprise: enterprise)
        try await simulator.advanceAndDeliver(by: .zero)
        // Then the postpaid status change went nowhere, the prepaid one to its account's URL, the APN change to the enterprise URL
        #expect(transport.requests.map(\.url).sorted() == ["http://all.test/", "http://prepaid.test/"])
        let apn = try #require(transport.requests.first { $0.url == "http://all.test/" })
        #expect(
            apn.event.data == ["apnName": .string(SIM.defaultAPNName), "previousStatus": .string("ENABLED"), "currentStatus": .string("DISABLED")])
        #expect(sim.apnStatus == .disabled)
        let log = try simulator.changeLogs(ChangeLogQuery(type: .apnStatus), page: all, enterprise: enterprise).items
        #expect(log.map { [$0.before, $0.after] } == [["ENABLED", "DISABLED"]])
    }

    @Test func invalidWebhooksAreRefused() throws {
        let simulator = try simulator(ScriptedPushTransport(), webhook: nil)
        for url in ["ftp://x.test/", "http://", "receiver.test/hook", "http://a b.test/"] {
            #expect(throws: SimError.self, "\(url)") {
                try simulator.setWebhook(WebhookConfiguration(url: url), forAccount: nil, enterprise: enterprise)
            }
        }
        #expect(throws: SimError.self) {
            try simulator.setWebhook(WebhookConfiguration(url: "http://ok.test/"), forAccount: "Nobody", enterprise: enterprise)
        }
    }

    /// A simulator on a real clock with a webhook, where a call made a push due without any clock
    /// advance, and the batch of attempts its delivery loop received.
    private func realClockWithAQueuedPush() async throws -> (Simulator, [PushRequest]) {
        let simulator = Simulator(seed: TestWorld.make(), clockMode: .real, wallClock: ManualWallClock(), pushTransport: ScriptedPushTransport())
        try simulator.setWebhook(WebhookConfiguration(url: "http://receiver.test/hook"), forAccount: nil, enterprise: enterprise)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: enterprise, source: .api)
        var iterator = simulator.deliveryRequests.makeAsyncIterator()
        return (simulator, try #require(await iterator.next()))
    }

    @Test func withARealClockPushesDueDuringACallAreQueuedForTheDeliveryLoop() async throws {
        // Given a simulator on a real clock, whose pushes are delivered by a loop reading deliveryRequests,
        // When a call makes a push due, without any clock advance
        let (simulator, batch) = try await realClockWithAQueuedPush()
        // Then the loop receives it and delivering it records the attempt
        #expect(batch.map(\.event.eventType) == [.simStatusChange])
        await simulator.deliver(batch)
        #expect(try deliveries(simulator).map(\.state) == [.delivered])
    }

    @Test func anAttemptAnsweredAfterTheWorldWasReplacedIsNotRecordedIntoTheNewWorld() async throws {
        // Given a real clock whose delivery loop took a push attempt, and the world as it was then
        let (simulator, batch) = try await realClockWithAQueuedPush()
        let saved = simulator.exportState()
        // When the world is replaced (a state import) before the attempt's answer is recorded
        simulator.importState(saved)
        await simulator.deliver(batch)
        // Then the imported world is as the document says: the attempt of the world before it is not recorded
        let deliveries = try deliveries(simulator)
        #expect(deliveries.map(\.state) == [.pending])
        #expect(deliveries.first?.attempts.compactMap(\.httpStatus) == [])
    }
}
