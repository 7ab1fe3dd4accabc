import Testing

@testable import SimCore

@Suite("Simulator: the public API of the domain")
struct SimulatorTests {
    static let acme = TestWorld.enterpriseName
    static let everything = try! PageRequest(page: 0, size: 1000)

    /// Every SIM of an enterprise, in giccid order.
    static func allSIMs(_ simulator: Simulator, _ enterprise: String = acme) throws -> [SIM] {
        try simulator.sims(SIMFilter(), page: everything, enterprise: enterprise).items
    }

    /// Every change-log entry of an enterprise, oldest first.
    static func allChanges(_ simulator: Simulator, _ enterprise: String = acme) throws -> [ChangeLogEntry] {
        try simulator.changeLogs(ChangeLogQuery(), page: everything, enterprise: enterprise).items
    }

    // MARK: - Status changes

    @Test("activate sets status, lastStatusChangeTime and the first activatedTime, and logs the change with its source")
    func activateFromInventory() throws {
        // Given an INVENTORY SIM and a clock one hour after the start
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.inventory)
        let now = try simulator.advance(by: .hours(1))

        // When it is activated through the API
        let sim = try simulator.perform(.activate, giccid: giccid, enterprise: Self.acme, source: .api)

        // Then it is ACTIVATED since now, activated for the first time now
        #expect(sim.status == .activated)
        #expect(sim.lastStatusChangeTime == now)
        #expect(sim.activatedTime == now)
        #expect(try simulator.sim(giccid, enterprise: Self.acme) == sim)
        // And the change log has one STATUS entry from the API
        #expect(
            try Self.allChanges(simulator) == [
                ChangeLogEntry(giccid: giccid, type: .status, before: "INVENTORY", after: "ACTIVATED", time: now, source: .api)
            ])
    }

    @Test("activatedTime records the first activation only")
    func activatedTimeIsFirstOnly() throws {
        // Given a DEACTIVATED SIM first activated on 2025-02-01
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.deactivated)
        let now = try simulator.advance(by: .days(2))

        // When it is activated again
        let sim = try simulator.perform(.activate, giccid: giccid, enterprise: Self.acme, source: .api)

        // Then its status time moves, but its activated time stays the first one
        #expect(sim.status == .activated)
        #expect(sim.lastStatusChangeTime == now)
        #expect(sim.activatedTime == TestWorld.activatedTime)
    }

    @Test("deactivate then retire, each logged with its own time and source")
    func deactivateThenRetire() throws {
        // Given an ACTIVATED SIM
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)

        // When it is deactivated by the API, and a minute later retired by a batch task
        let deactivatedAt = try simulator.advance(by: .minutes(5))
        let deactivated = try simulator.perform(.deactivate, giccid: giccid, enterprise: Self.acme, source: .api)
        let retiredAt = try simulator.advance(by: .minutes(1))
        let retired = try simulator.perform(.retire, giccid: giccid, enterprise: Self.acme, source: .batch)

        // Then each step took effect at its time
        #expect(deactivated.status == .deactivated)
        #expect(deactivated.lastStatusChangeTime == deactivatedAt)
        #expect(retired.status == .retired)
        #expect(retired.lastStatusChangeTime == retiredAt)
        #expect(retired.activatedTime == TestWorld.activatedTime)
        // And the log holds both, oldest first, with their sources
        #expect(
            try Self.allChanges(simulator) == [
                ChangeLogEntry(giccid: giccid, type: .status, before: "ACTIVATED", after: "DEACTIVATED", time: deactivatedAt, source: .api),
                ChangeLogEntry(giccid: giccid, type: .status, before: "DEACTIVATED", after: "RETIRED", time: retiredAt, source: .batch),
            ])
        // And the log can be asked for this SIM's STATUS changes
        let query = ChangeLogQuery(giccid: giccid, type: .status, startTime: retiredAt, endTime: retiredAt)
        #expect(try simulator.changeLogs(query, page: Self.everything, enterprise: Self.acme).items.map(\.after) == ["RETIRED"])
    }

    @Test(
        "a refused action changes nothing and logs nothing",
        arguments: [
            (SIMStatus.activated, SIMAction.retire), (.retired, .activate), (.inventory, .deactivate), (.activated, .activate), (.testReady, .retire),
        ])
    func refusedActionChangesNothing(status: SIMStatus, action: SIMAction) throws {
        // Given a SIM in a status the action is not allowed from
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(status)
        let before = try simulator.sim(giccid, enterprise: Self.acme)
        try simulator.advance(by: .hours(1))

        // When the action is tried
        let error = #expect(throws: SimError.self) {
            try simulator.perform(action, giccid: giccid, enterprise: Self.acme, source: .api)
        }

        // Then it is refused with illegal_status (the documented sentence for retire)
        #expect(error?.category == .rejected)
        #expect(error?.issues.map(\.code) == [.illegalStatus])
        if action == .retire {
            #expect(error?.issues.first?.message == "Illegal SIM state, current SIM state cannot be retired")
        }
        // And the SIM and the log are untouched
        #expect(try simulator.sim(giccid, enterprise: Self.acme) == before)
        #expect(try Self.allChanges(simulator).isEmpty)
    }

    @Test("an unknown SIM or enterprise is not found")
    func unknownSIMOrEnterprise() throws {
        // Given the test world
        let simulator = TestWorld.simulator()
        // When an unknown giccid is read or acted on, then it is a 404 on SIM/giccid
        let missingSIM = SimError.notFound("SIM", field: "giccid")
        #expect(throws: missingSIM) { try simulator.sim("8944019999999999999", enterprise: Self.acme) }
        #expect(throws: missingSIM) { try simulator.perform(.activate, giccid: "8944019999999999999", enterprise: Self.acme, source: .api) }
        // When an unknown enterprise is named, then it is not found either
        let error = #expect(throws: SimError.self) { try simulator.sims(SIMFilter(), page: Self.everything, enterprise: "Nobody") }
        #expect(error?.category == .notFound)
        #expect(try Self.allChanges(simulator).isEmpty)
    }

    @Test("lists through the simulator filter by status, account and plan")
    func listsFilter() throws {
        // Given the test world (one SIM per status per account)
        let simulator = TestWorld.simulator()
        // When listed by status, then both accounts' SIMs of that status come, in giccid order
        let activated = try simulator.sims(SIMFilter(status: .activated), page: Self.everything, enterprise: Self.acme)
        #expect(activated.items.map(\.giccid) == [TestWorld.giccid(.activated), TestWorld.giccid(.activated, account: TestWorld.prepaidAccount)])
        // When listed by account and plan, then that account's SIMs come
        let meter = try simulator.sims(
            SIMFilter(accountName: TestWorld.prepaidAccount, servicePackageName: TestWorld.meterBasic), page: Self.everything, enterprise: Self.acme)
        #expect(meter.total == 6)
        #expect(try Self.allSIMs(simulator).map(\.giccid) == TestWorld.allGiccids)
    }

    // MARK: - Tenancy

    @Test("an enterprise sees only its own SIMs; another's giccid is 404")
    func enterprisesAreIsolated() throws {
        // Given a second, empty enterprise with SIMs of its own
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other IoT", apiKey: "other-test-key-0123456789", template: .empty)
        let theirs = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 3), enterprise: "Other IoT")
        #expect(try Self.allSIMs(simulator, "Other IoT").map(\.giccid) == theirs.map(\.giccid))

        // When each asks for the other's SIMs, then they are not found
        let missingSIM = SimError.notFound("SIM", field: "giccid")
        let acmeSIM = TestWorld.giccid(.inventory)
        #expect(throws: missingSIM) { try simulator.sim(acmeSIM, enterprise: "Other IoT") }
        #expect(throws: missingSIM) { try simulator.perform(.activate, giccid: acmeSIM, enterprise: "Other IoT", source: .api) }
        #expect(throws: missingSIM) { try simulator.sim(theirs[0].giccid, enterprise: Self.acme) }
        #expect(throws: missingSIM) { try simulator.perform(.activate, giccid: theirs[0].giccid, enterprise: Self.acme, source: .api) }
        #expect(try simulator.sims(SIMFilter(iccid: theirs[0].iccid), page: Self.everything, enterprise: Self.acme).total == 0)

        // When the other enterprise changes its SIM, then Acme's SIMs and log do not see it
        _ = try simulator.perform(.activate, giccid: theirs[0].giccid, enterprise: "Other IoT", source: .api)
        #expect(try Self.allChanges(simulator).isEmpty)
        #expect(try Self.allChanges(simulator, "Other IoT").map(\.giccid) == [theirs[0].giccid])
        #expect(try Self.allSIMs(simulator).map(\.giccid) == TestWorld.allGiccids)
        #expect(try simulator.sim(acmeSIM, enterprise: Self.acme).status == .inventory)
    }

    @Test("a copied enterprise's SIMs are its own: changing one leaves the demo's alone")
    func copiedEnterpriseIsIndependent() throws {
        // Given an enterprise copied from the demo (same giccids)
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Copy IoT", apiKey: nil, template: .default)
        let giccid = TestWorld.giccid(.inventory)

        // When the copy activates its SIM
        _ = try simulator.perform(.activate, giccid: giccid, enterprise: "Copy IoT", source: .api)

        // Then the demo's SIM with that giccid is still in inventory
        #expect(try simulator.sim(giccid, enterprise: "Copy IoT").status == .activated)
        #expect(try simulator.sim(giccid, enterprise: Self.acme).status == .inventory)
    }

    // MARK: - Creating SIMs

    @Test("createSIMs is all-or-nothing: one bad template adds nothing, and the issues name each bad field")
    func createSIMsAllOrNothing() throws {
        // Given the test world and a request whose templates 1, 2 and 3 are bad
        let simulator = TestWorld.simulator()
        let before = try Self.allSIMs(simulator)
        let seedIMSI = before[0].imsi
        let request = SIMCreationRequest(
            accountName: TestWorld.postpaidAccount, count: 5,
            templates: [
                SIMTemplate(iccid: "8944990000000999998"),
                SIMTemplate(iccid: "8944990000000999991"),  // wrong Luhn digit (it is 8)
                SIMTemplate(imsi: seedIMSI),  // already used by a seed SIM
                SIMTemplate(msisdn: "0123", basicServicePackageName: TestWorld.fleetAddon),  // not E.164; not a basic plan
            ])

        // When the SIMs are created
        let error = #expect(throws: SimError.self) { try simulator.createSIMs(request, enterprise: Self.acme) }

        // Then every bad field is named, in template order
        #expect(error?.category == .rejected)
        #expect(error?.issues.map(\.field) == ["sims[1].iccid", "sims[2].imsi", "sims[3].msisdn", "sims[3].basicServicePackageName"])
        #expect(error?.issues.map(\.code) == [.invalid, .alreadyExists, .invalid, .invalid])
        #expect(error?.issues.allSatisfy { $0.resource == "SIM" } == true)
        // And no SIM was added, not even the good template's or the generated ones
        #expect(try Self.allSIMs(simulator) == before)
        #expect(throws: SimError.notFound("SIM", field: "giccid")) { try simulator.sim("8944990000000999998", enterprise: Self.acme) }
    }

    @Test("two templates claiming the same ICCID: the second is already_exists")
    func duplicateWithinRequest() throws {
        // Given a request with one ICCID twice
        let simulator = TestWorld.simulator()
        let request = SIMCreationRequest(
            accountName: TestWorld.postpaidAccount, templates: [SIMTemplate(iccid: "8944990000000999998"), SIMTemplate(iccid: "8944990000000999998")])
        // When created, then the second is refused and nothing is added
        let error = #expect(throws: SimError.self) { try simulator.createSIMs(request, enterprise: Self.acme) }
        #expect(error?.issues.map(\.field) == ["sims[1].iccid"])
        #expect(error?.issues.map(\.code) == [.alreadyExists])
        #expect(try Self.allSIMs(simulator).count == 12)
    }

    @Test("createSIMs refuses an unknown account and a count out of range")
    func createSIMsRequestProblems() throws {
        // Given the test world
        let simulator = TestWorld.simulator()
        // When the account is unknown, then accountName is named as missing
        let noAccount = #expect(throws: SimError.self) {
            try simulator.createSIMs(SIMCreationRequest(accountName: "No Such Account"), enterprise: Self.acme)
        }
        #expect(noAccount?.issues.map(\.field) == ["accountName"])
        #expect(noAccount?.issues.map(\.code) == [.missing])
        // When the count is 0, negative or too large, then count is invalid
        for count in [0, -1, SIMCreationRequest.maximumCount + 1] {
            let error = #expect(throws: SimError.self) {
                try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: count), enterprise: Self.acme)
            }
            #expect(error?.issues.map(\.field) == ["count"], "count \(count)")
        }
        #expect(try Self.allSIMs(simulator).count == 12)
    }

    @Test("generated SIMs have valid, unique identifiers and the request's defaults")
    func generatedIdentifiers() throws {
        // Given the test world
        let simulator = TestWorld.simulator()
        let seedSIMs = try Self.allSIMs(simulator)

        // When 300 SIMs are generated
        let created = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 300), enterprise: Self.acme)

        // Then each has a valid ICCID (Luhn), IMSI and MSISDN, none used before or twice
        #expect(created.count == 300)
        for sim in created {
            #expect(SIMIdentifierRules.problem(withICCID: sim.iccid) == nil, "\(sim.iccid)")
            #expect(Luhn.isValid(sim.iccid))
            #expect(SIMIdentifierRules.problem(withIMSI: sim.imsi) == nil, "\(sim.imsi)")
            #expect(SIMIdentifierRules.problem(withMSISDN: sim.msisdn) == nil, "\(sim.msisdn)")
        }
        let all = seedSIMs + created
        #expect(Set(all.map(\.iccid)).count == all.count)
        #expect(Set(all.map(\.imsi)).count == all.count)
        #expect(Set(all.map(\.msisdn)).count == all.count)
        // And they come sorted, in INVENTORY, on the account's first basic plan, made now
        #expect(created.map(\.giccid) == created.map(\.giccid).sorted())
        #expect(created.allSatisfy { $0.status == .inventory && $0.activatedTime == nil })
        #expect(created.allSatisfy { $0.basicServicePackageName == TestWorld.fleetBasic && $0.simSku == TestWorld.fleetSKU })
        #expect(created.allSatisfy { $0.createdTime == TestWorld.startTime && $0.accountName == TestWorld.postpaidAccount })
        // And the enterprise's list holds them all
        #expect(try Self.allSIMs(simulator).map(\.giccid) == all.map(\.giccid).sorted())
    }

    @Test("templates set what they give; status and plan defaults come from the request")
    func templatesAndDefaults() throws {
        // Given a request with a template and request-level status and plan
        let simulator = TestWorld.simulator()
        let request = SIMCreationRequest(
            accountName: TestWorld.postpaidAccount, count: 1,
            templates: [SIMTemplate(iccid: "8944990000000999998", imei: "490154203237518", status: .testReady, apnName: "m2m.test")],
            status: .activated, basicServicePackageName: TestWorld.fleetBasicLarge)

        // When created
        let created = try simulator.createSIMs(request, enterprise: Self.acme)

        // Then the template's values are kept and the rest come from the request
        let templated = try #require(created.first { $0.iccid == "8944990000000999998" })
        let generated = try #require(created.first { $0.iccid != "8944990000000999998" })
        #expect(templated.status == .testReady)
        #expect(templated.imei == "490154203237518")
        #expect(templated.apnName == "m2m.test")
        #expect(templated.activatedTime == nil)
        #expect(generated.status == .activated)
        #expect(generated.activatedTime == TestWorld.startTime)
        #expect(generated.apnName == SIM.defaultAPNName)
        #expect(created.allSatisfy { $0.basicServicePackageName == TestWorld.fleetBasicLarge })
    }

    @Test("a refused createSIMs does not use up generated identifiers")
    func refusedCreateKeepsIdSequence() throws {
        // Given two simulators from the same seed, one of which first makes a refused request
        let refusedFirst = TestWorld.simulator()
        let fresh = TestWorld.simulator()
        let bad = SIMCreationRequest(
            accountName: TestWorld.postpaidAccount, count: 3, templates: [SIMTemplate(), SIMTemplate(iccid: "8944990000000999991")])
        #expect(throws: SimError.self) { try refusedFirst.createSIMs(bad, enterprise: Self.acme) }

        // When both then create the same SIMs
        let good = SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 3)
        let afterRefusal = try refusedFirst.createSIMs(good, enterprise: Self.acme)
        let withoutRefusal = try fresh.createSIMs(good, enterprise: Self.acme)

        // Then they get the same identifiers: the refusal changed nothing
        #expect(afterRefusal == withoutRefusal)
    }

    @Test("an explicit ICCID is never refused because a generated SIM of the same request took it")
    func explicitICCIDWinsOverGenerated() throws {
        // Given the ICCID the simulator would generate next
        let nextGenerated = try TestWorld.simulator().createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount), enterprise: Self.acme)[0]
        let simulator = TestWorld.simulator()

        // When a request has a template to generate for, then a template giving that ICCID
        let created = try simulator.createSIMs(
            SIMCreationRequest(accountName: TestWorld.postpaidAccount, templates: [SIMTemplate(), SIMTemplate(iccid: nextGenerated.iccid)]),
            enterprise: Self.acme)

        // Then both are made: the explicit ICCID as given, the other generated around it
        #expect(created.count == 2)
        #expect(created.map(\.iccid).contains(nextGenerated.iccid))
        #expect(Set(created.map(\.iccid)).count == 2)
        #expect(Set(created.map(\.imsi)).count == 2)
    }

    @Test("two simulators from the same seed, given the same calls, hold identical worlds")
    func determinism() throws {
        // Given two simulators from the same seed
        let first = TestWorld.simulator()
        let second = TestWorld.simulator(wallClock: ManualWallClock(milliseconds: 42))

        // When both receive the same calls
        func script(_ simulator: Simulator) throws -> ([SIM], [SIM], Enterprise, [SIM], [ChangeLogEntry]) {
            let created = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.prepaidAccount, count: 25), enterprise: Self.acme)
            try simulator.advance(by: .minutes(10))
            _ = try simulator.perform(.activate, giccid: created[3].giccid, enterprise: Self.acme, source: .api)
            let enterprise = try simulator.createEnterprise(named: "Twin IoT", apiKey: nil, template: .empty)
            let twinSIMs = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 5), enterprise: "Twin IoT")
            return (created, twinSIMs, enterprise, try Self.allSIMs(simulator), try Self.allChanges(simulator))
        }
        let a = try script(first)
        let b = try script(second)

        // Then every id, SIM, key and log entry is the same
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        #expect(a.2 == b.2)
        #expect(a.3 == b.3)
        #expect(a.4 == b.4)
    }

    // MARK: - Enterprises

    @Test("createEnterprise default copies the demo's SIMs; empty copies only the catalog")
    func createEnterpriseTemplates() throws {
        // Given the test world
        let simulator = TestWorld.simulator()

        // When an enterprise is made from each template
        let copy = try simulator.createEnterprise(named: "Copy IoT", apiKey: "copy-test-key-0123456789", template: .default)
        let empty = try simulator.createEnterprise(named: "Empty IoT", apiKey: nil, template: .empty)

        // Then the copy has the demo's SIMs, the empty one none; both have the demo's accounts and plans
        #expect(try Self.allSIMs(simulator, "Copy IoT").map(\.giccid) == TestWorld.allGiccids)
        #expect(try Self.allSIMs(simulator, "Empty IoT").isEmpty)
        for name in ["Copy IoT", "Empty IoT"] {
            let profile = try simulator.enterpriseProfile(name)
            #expect(profile.accountNames == [TestWorld.postpaidAccount, TestWorld.prepaidAccount])
            #expect(profile.enterprise.name == name)
            #expect(profile.enterprise.createdTime == TestWorld.startTime)
            let plans = try simulator.servicePackages(ofAccount: TestWorld.postpaidAccount, enterprise: name, page: Self.everything)
            #expect(plans.items.map(\.name) == [TestWorld.fleetAddon, TestWorld.fleetBasic, TestWorld.fleetBasicLarge])
        }
        // And each key, given or generated, leads to its enterprise
        #expect(copy.apiKey == "copy-test-key-0123456789")
        #expect(EnterpriseRules.problem(withAPIKey: empty.apiKey) == nil)
        #expect(simulator.enterpriseName(forAPIKey: copy.apiKey) == "Copy IoT")
        #expect(simulator.enterpriseName(forAPIKey: empty.apiKey) == "Empty IoT")
        #expect(simulator.enterpriseName(forAPIKey: TestWorld.apiKey) == Self.acme)
    }

    @Test("several enterprises with generated keys each get their own key")
    func generatedKeysDiffer() throws {
        // Given the test world
        let simulator = TestWorld.simulator()
        // When three enterprises are created without a key
        let made = try ["One IoT", "Two IoT", "Three IoT"].map { name throws(SimError) in
            try simulator.createEnterprise(named: name, apiKey: nil, template: .empty)
        }
        // Then each key is different and leads to its own enterprise
        #expect(Set(made.map(\.apiKey)).count == 3)
        #expect(!made.map(\.apiKey).contains(TestWorld.apiKey))
        for enterprise in made { #expect(simulator.enterpriseName(forAPIKey: enterprise.apiKey) == enterprise.name) }
    }

    @Test("a taken name or key is already_exists; a bad name or key is invalid; nothing is created")
    func createEnterpriseRefusals() throws {
        // Given the test world with one created enterprise
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other IoT", apiKey: "other-test-key-0123456789", template: .empty)
        let cases: [(name: String, key: String?, field: String, code: SimError.Code)] = [
            (Self.acme, nil, "name", .alreadyExists),
            ("Other IoT", "fresh-test-key-0123456789", "name", .alreadyExists),
            ("New IoT", TestWorld.apiKey, "apiKey", .alreadyExists),
            ("New IoT", "other-test-key-0123456789", "apiKey", .alreadyExists),
            ("", nil, "name", .invalid),
            ("a/b", nil, "name", .invalid),
            (String(repeating: "n", count: 101), nil, "name", .invalid),
            ("New IoT", "short", "apiKey", .invalid),
            ("New IoT", "has spaces in the key 0123", "apiKey", .invalid),
        ]
        for refusal in cases {
            // When an enterprise is created with it
            let error = #expect(throws: SimError.self) {
                try simulator.createEnterprise(named: refusal.name, apiKey: refusal.key, template: .default)
            }
            // Then the field and code are the expected ones
            #expect(error?.issues.map(\.field) == [refusal.field], "\(refusal)")
            #expect(error?.issues.map(\.code) == [refusal.code], "\(refusal)")
        }
        // And no enterprise was added
        #expect(!simulator.hasEnterprise(named: "New IoT"))
        #expect(try Self.allSIMs(simulator, "Other IoT").isEmpty)
    }

    @Test("deleteEnterprise removes the enterprise, its key and its SIMs; an unknown one is not found")
    func deleteEnterprise() throws {
        // Given a created enterprise
        let simulator = TestWorld.simulator()
        let other = try simulator.createEnterprise(named: "Other IoT", apiKey: nil, template: .default)
        #expect(simulator.hasEnterprise(named: "Other IoT"))

        // When it is deleted
        try simulator.deleteEnterprise(named: "Other IoT")

        // Then its name and key lead nowhere, and its SIMs are gone
        #expect(!simulator.hasEnterprise(named: "Other IoT"))
        #expect(simulator.enterpriseName(forAPIKey: other.apiKey) == nil)
        #expect(throws: SimError.self) { try simulator.sims(SIMFilter(), page: Self.everything, enterprise: "Other IoT") }
        // And the demo is untouched
        #expect(try Self.allSIMs(simulator).count == 12)
        // And deleting it again is not found
        #expect(throws: SimError.notFound("Enterprise", field: "name")) { try simulator.deleteEnterprise(named: "Other IoT") }
        // And the name can be used again
        _ = try simulator.createEnterprise(named: "Other IoT", apiKey: nil, template: .empty)
        #expect(simulator.hasEnterprise(named: "Other IoT"))
    }

    // MARK: - Clock

    @Test("the clock advances forward by a duration and to a time, and stands still between calls")
    func clockAdvances() throws {
        // Given the test world at its start time
        let wall = ManualWallClock(milliseconds: 1_700_000_000_000)
        let simulator = TestWorld.simulator(wallClock: wall)
        #expect(simulator.clockReading() == ClockReading(now: TestWorld.startTime, mode: .manual, scale: 1))

        // When it advances by 90 minutes, and then to a later time
        let afterDuration = try simulator.advance(by: .minutes(90))
        wall.advance(milliseconds: 60_000)  // a manual clock ignores the wall clock
        #expect(simulator.clockReading().now == afterDuration)
        let target = try Timestamp(smarthub: "2025-04-02T00:00:00+0000")
        let afterTarget = try simulator.advance(to: target)

        // Then it reads each new time
        #expect(afterDuration == TestWorld.startTime.adding(.minutes(90)))
        #expect(afterTarget == target)
        #expect(simulator.clockReading().now == target)
        // And advancing to the current time is allowed and changes nothing
        #expect(try simulator.advance(to: target) == target)
        #expect(try simulator.advance(by: .zero) == target)
    }

    @Test("the clock never moves backwards: each way of asking is refused as invalid on its own field")
    func clockRefusesBackwards() throws {
        // Given a clock one day after the start
        let simulator = TestWorld.simulator()
        let now = try simulator.advance(by: .days(1))
        let earlier = TestWorld.startTime

        // When asked to go back, then each is refused naming its field, and the clock stays
        let to = #expect(throws: SimError.self) { try simulator.advance(to: earlier) }
        #expect(to?.issues.map(\.field) == ["to"])
        #expect(to?.issues.map(\.code) == [.invalid])
        let by = #expect(throws: SimError.self) { try simulator.advance(by: SimDuration(milliseconds: -1)) }
        #expect(by?.issues.map(\.field) == ["by"])
        let configured = #expect(throws: SimError.self) { try simulator.configureClock(mode: nil, scale: nil, now: earlier) }
        #expect(configured?.issues.map(\.field) == ["now"])
        #expect(simulator.clockReading().now == now)
    }

    @Test("configureClock switches to real time at a scale; a bad scale is refused")
    func configureClock() throws {
        // Given the test world on a manual wall clock
        let wall = ManualWallClock(milliseconds: 1_700_000_000_000)
        let simulator = TestWorld.simulator(wallClock: wall)

        // When the clock is set to real time at 60× and the wall clock moves 2 s
        let reading = try simulator.configureClock(mode: .real, scale: 60, now: nil)
        #expect(reading == ClockReading(now: TestWorld.startTime, mode: .real, scale: 60))
        wall.advance(milliseconds: 2_000)

        // Then the simulated clock has moved 2 minutes
        #expect(simulator.clockReading().now == TestWorld.startTime.adding(.minutes(2)))
        // And the next wake-up is the wall time when the clock reads the first work due: the warning
        // that the prepaid SIM's 365-day term ends in 3 days
        let warning = TestWorld.activatedTime.adding(.days(365 - 3))
        let wallAtSwitch: Int64 = 1_700_000_000_000
        #expect(simulator.wallTimeOfNextDueWork() == wallAtSwitch + warning.duration(since: TestWorld.startTime).milliseconds / 60)

        // When it is set back to manual, then it keeps its reading
        let manual = try simulator.configureClock(mode: .manual, scale: nil, now: nil)
        wall.advance(milliseconds: 5_000)
        #expect(manual.now == TestWorld.startTime.adding(.minutes(2)))
        #expect(simulator.clockReading().now == manual.now)
        #expect(simulator.clockReading().scale == 60)

        // When the scale is zero, negative, infinite or too large, then it is refused
        for scale in [0, -1, Double.infinity, Double.nan, 1_000_001] {
            let error = #expect(throws: SimError.self) { try simulator.configureClock(mode: .real, scale: scale, now: nil) }
            #expect(error?.issues.map(\.field) == ["scale"], "scale \(scale)")
        }
        #expect(simulator.clockReading().mode == .manual)
    }

    @Test("reset restores the seed's SIMs, removes created enterprises and puts the clock back")
    func reset() throws {
        // Given a world where time has passed, SIMs changed and were added, and an enterprise was created
        let simulator = TestWorld.simulator()
        let seedSIMs = try Self.allSIMs(simulator)
        try simulator.advance(by: .days(40))
        _ = try simulator.perform(.activate, giccid: TestWorld.giccid(.inventory), enterprise: Self.acme, source: .api)
        _ = try simulator.perform(.deactivate, giccid: TestWorld.giccid(.activated), enterprise: Self.acme, source: .api)
        _ = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 4), enterprise: Self.acme)
        let other = try simulator.createEnterprise(named: "Other IoT", apiKey: nil, template: .default)

        // When the simulator is reset
        let now = simulator.reset()

        // Then the clock is at the start time, SIMs are as seeded, the log is empty and the created enterprise is gone
        #expect(now == TestWorld.startTime)
        #expect(simulator.clockReading().now == TestWorld.startTime)
        #expect(try Self.allSIMs(simulator) == seedSIMs)
        #expect(try Self.allChanges(simulator).isEmpty)
        #expect(!simulator.hasEnterprise(named: "Other IoT"))
        #expect(simulator.enterpriseName(forAPIKey: other.apiKey) == nil)
        #expect(simulator.enterpriseName(forAPIKey: TestWorld.apiKey) == Self.acme)
        // And the same calls after the reset give the same ids as on a fresh simulator
        let again = try simulator.createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 4), enterprise: Self.acme)
        let fresh = try TestWorld.simulator().createSIMs(SIMCreationRequest(accountName: TestWorld.postpaidAccount, count: 4), enterprise: Self.acme)
        #expect(again == fresh)
    }

    // MARK: - Billing cycle

    @Test("cycle usage reads as of the current month: it is zero once a new month begins")
    func cycleUsage() throws {
        // Given an ACTIVATED SIM with March usage, on 15 March
        let simulator = TestWorld.simulator()
        let giccid = TestWorld.giccid(.activated)
        let march = try simulator.sim(giccid, enterprise: Self.acme)
        #expect(march.usageCycleName == "2025-03")
        #expect(march.cycleDataUsageBytes == TestWorld.marchDataBytes)
        #expect(march.cycleSmsCount == TestWorld.marchSmsCount)
        #expect(try simulator.account(named: TestWorld.postpaidAccount, enterprise: Self.acme).currentCycleName == "2025-03")

        // When the clock reaches the last second of March, then the usage still counts
        try simulator.advance(to: try Timestamp(smarthub: "2025-03-31T23:59:59+0000"))
        #expect(try simulator.sim(giccid, enterprise: Self.acme).cycleDataUsageBytes == TestWorld.marchDataBytes)

        // When it reaches 1 April, then the SIM reads April with zero usage, everywhere it is shown
        try simulator.advance(to: try Timestamp(smarthub: "2025-04-01T00:00:00+0000"))
        let april = try simulator.sim(giccid, enterprise: Self.acme)
        #expect(april.usageCycleName == "2025-04")
        #expect(april.cycleDataUsageBytes == 0)
        #expect(april.cycleSmsCount == 0)
        let listed = try simulator.sims(SIMFilter(iccid: giccid), page: Self.everything, enterprise: Self.acme).items
        #expect(listed == [april])
        let acted = try simulator.perform(.deactivate, giccid: giccid, enterprise: Self.acme, source: .api)
        #expect(acted.usageCycleName == "2025-04")
        #expect(acted.cycleDataUsageBytes == 0)
        #expect(try simulator.account(named: TestWorld.postpaidAccount, enterprise: Self.acme).currentCycleName == "2025-04")
    }

    @Test("SIM.inCycle keeps the counters in their own cycle and zeroes them in another")
    func inCycle() {
        // Given a SIM with usage in March
        var sim = SIM(
            iccid: TestWorld.giccid(.activated), imsi: "234150100001004", msisdn: "44701001004", status: .activated,
            accountName: TestWorld.postpaidAccount, createdTime: TestWorld.startTime)
        sim.cycleDataUsageBytes = 500
        sim.cycleSmsCount = 2
        #expect(sim.usageCycleName == "2025-03")
        // When seen in March, then unchanged; when seen in April, then zeroed in April
        #expect(sim.inCycle("2025-03") == sim)
        let april = sim.inCycle("2025-04")
        #expect((april.usageCycleName, april.cycleDataUsageBytes, april.cycleSmsCount) == ("2025-04", 0, 0))
        #expect(april.status == sim.status)
    }
}

/// Length limits count Unicode code points, as JSON Schema's `maxLength` does.
@Suite struct LengthLimitTests {
    @Test func combiningMarksCountTowardTheLimit() throws {
        // Given 128 letters each with a combining mark: 128 characters, 256 code points
        let value = String(repeating: "e\u{301}", count: 128)
        #expect(value.count == 128 && value.unicodeScalars.count == 256)
        // When set as a custom field (limit 255), Then it is refused
        let update = CustomFieldsUpdate(values: [0: value])
        #expect(throws: SimError.self) { try update.validate() }
        let simulator = TestWorld.simulator()
        #expect(throws: SimError.self) {
            try simulator.setAPNStatus(
                .disabled, apnName: String(repeating: "a\u{300}", count: 51), giccid: TestWorld.giccid(.activated),
                enterprise: TestWorld.enterpriseName)
        }
    }
}
