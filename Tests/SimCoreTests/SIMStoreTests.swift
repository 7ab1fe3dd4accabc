import Testing

@testable import SimCore

/// Makes random SIMs for store tests from a seeded generator: unique ICCID, IMSI and MSISDN,
/// random status, account, basic plan (sometimes none) and IMEI (sometimes none, sometimes shared).
struct RandomSIMs {
    static let accounts = ["acct-alpha", "acct-beta", "acct-gamma"]
    static let packages = ["plan-1GB", "plan-5GB", "plan-pool"]
    static let created = Timestamp(secondsSinceEpoch: 1_735_689_600)  // 2025-01-01T00:00:00Z

    var random: DeterministicRandom
    private var usedICCIDs: Set<String> = []
    private var serial = 0
    /// A few IMEIs that several SIMs share (a device moved between SIMs).
    let imeiPool: [String]

    /// A generator started from `seed`.
    init(seed: UInt64) {
        random = DeterministicRandom(seed: seed)
        var pool: [String] = []
        for _ in 0..<12 {
            let body = "35" + random.decimalString(count: 12)
            pool.append(body + String(Luhn.checkDigit(for: body)))
        }
        imeiPool = pool
    }

    /// A random ICCID not used yet, starting with `prefix`.
    mutating func iccid(prefix: String = "8944") -> String {
        while true {
            let body = prefix + random.decimalString(count: 18 - prefix.count)
            let iccid = body + String(Luhn.checkDigit(for: body))
            if usedICCIDs.insert(iccid).inserted { return iccid }
        }
    }

    /// A random SIM; its ICCID starts with `prefix`.
    mutating func next(prefix: String = "8944") -> SIM {
        serial += 1
        let iccid = iccid(prefix: prefix)
        let package = Int(random.next(upperBound: 4 as UInt64))
        let imeiChoice = Int(random.next(upperBound: 16 as UInt64))
        return SIM(
            iccid: iccid, imsi: "23415" + pad(serial, 10), msisdn: "4470" + pad(serial, 8),
            imei: imeiChoice < 4 ? nil : imeiPool[imeiChoice - 4],
            status: SIMStatus.allCases[Int(random.next(upperBound: UInt64(SIMStatus.allCases.count)))],
            accountName: Self.accounts[Int(random.next(upperBound: UInt64(Self.accounts.count)))],
            basicServicePackageName: package == 3 ? nil : Self.packages[package], createdTime: Self.created)
    }

    /// `count` random SIMs.
    mutating func make(_ count: Int, prefix: String = "8944") -> [SIM] { (0..<count).map { _ in next(prefix: prefix) } }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}

/// The brute-force answer to a SIM list: filter every SIM field by field, sort by giccid, cut the page.
func referenceList(_ sims: [SIM], _ filter: SIMFilter, page: PageRequest) -> (items: [String], total: Int) {
    let matching = sims.filter { sim in
        if let status = filter.status, sim.status != status { return false }
        if let account = filter.accountName, sim.accountName != account { return false }
        if let package = filter.servicePackageName, sim.basicServicePackageName != package { return false }
        if let iccid = filter.iccid, sim.iccid != iccid { return false }
        if let imsi = filter.imsi, sim.imsi != imsi { return false }
        if let msisdn = filter.msisdn, sim.msisdn != msisdn { return false }
        if let imei = filter.imei, sim.imei != imei { return false }
        return true
    }
    .map(\.iccid).sorted()
    let start = min(page.page * page.size, matching.count)
    return (Array(matching[start..<min(matching.count, start + page.size)]), matching.count)
}

@Suite("SIMStore: SIMs with their indexes")
struct SIMStoreTests {
    /// Every combination of the status, account and plan filters, with values that match nothing.
    static func valueFilters() -> [SIMFilter] {
        let statuses: [SIMStatus?] = [nil] + SIMStatus.allCases
        let accounts: [String?] = [nil] + RandomSIMs.accounts + ["acct-unknown"]
        let packages: [String?] = [nil] + RandomSIMs.packages + ["plan-unknown"]
        return statuses.flatMap { status in
            accounts.flatMap { account in
                packages.map { SIMFilter(status: status, accountName: account, servicePackageName: $0) }
            }
        }
    }

    /// Filters naming identifiers of `sims` (and unknown ones), alone and combined with each other and with value filters.
    static func identifierFilters(_ sims: [SIM]) -> [SIMFilter] {
        var filters: [SIMFilter] = []
        for sim in sims.prefix(8) {
            filters.append(SIMFilter(iccid: sim.iccid))
            filters.append(SIMFilter(imsi: sim.imsi))
            filters.append(SIMFilter(msisdn: sim.msisdn))
            filters.append(SIMFilter(iccid: sim.iccid, imsi: sim.imsi, msisdn: sim.msisdn, imei: sim.imei))
            filters.append(SIMFilter(status: sim.status, accountName: sim.accountName, iccid: sim.iccid))
            filters.append(SIMFilter(status: sim.status == .retired ? .activated : .retired, iccid: sim.iccid))
            filters.append(SIMFilter(iccid: sim.iccid, imsi: sims.last?.imsi))  // two SIMs' identifiers: none
        }
        for imei in Set(sims.compactMap(\.imei)) {
            filters.append(SIMFilter(imei: imei))
            filters.append(SIMFilter(status: .activated, imei: imei))
            filters.append(SIMFilter(accountName: RandomSIMs.accounts[0], servicePackageName: RandomSIMs.packages[1], imei: imei))
        }
        filters += [
            SIMFilter(iccid: "8944000000000000000"), SIMFilter(imsi: "000000000000000"), SIMFilter(msisdn: "999"),
            SIMFilter(imei: "000000000000000"),
        ]
        return filters
    }

    /// Checks `store.list` against the brute-force reference for `filters`, on several page shapes.
    static func expectListsMatch(_ store: SIMStore, _ sims: [SIM], _ filters: [SIMFilter]) throws {
        let pages = [
            try PageRequest(page: 0, size: 1000), try PageRequest(page: 0, size: 7), try PageRequest(page: 3, size: 7),
            try PageRequest(page: 1, size: 64), try PageRequest(page: 500, size: 10),
        ]
        for filter in filters {
            for page in pages {
                let actual = store.list(filter, page: page)
                let expected = referenceList(sims, filter, page: page)
                #expect(actual.total == expected.total, "\(filter) \(page)")
                #expect(actual.items.map(\.iccid) == expected.items, "\(filter) \(page)")
                #expect(actual.request == page)
            }
        }
    }

    @Test("SIMs inserted in giccid order are listed in that order")
    func insertInOrder() {
        // Given SIMs already sorted by ICCID
        var generator = RandomSIMs(seed: 1)
        let sims = generator.make(50).sorted { $0.iccid < $1.iccid }
        var store = SIMStore()

        // When inserted in two batches (each appending after the other)
        store.insert(contentsOf: Array(sims[..<20]))
        store.insert(contentsOf: Array(sims[20...]))

        // Then they are all there, in order, and each can be found
        #expect(store.count == 50)
        #expect(store.allInOrder == sims)
        #expect(sims.allSatisfy { store.sim(iccid: $0.iccid) == $0 })
        #expect(sims.allSatisfy { store.containsICCID($0.iccid) && store.containsIMSI($0.imsi) && store.containsMSISDN($0.msisdn) })
        #expect(!store.containsICCID("8900000000000000000"))
    }

    @Test("SIMs inserted out of order are merged into giccid order, and every list stays right")
    func insertOutOfOrder() throws {
        // Given a store filled with random SIMs in batches whose ICCIDs interleave (the merge path)
        var generator = RandomSIMs(seed: 2)
        var store = SIMStore()
        var all: [SIM] = []
        for batchSize in [60, 1, 90, 40] {
            let batch = generator.make(batchSize)
            // When each batch is inserted
            store.insert(contentsOf: batch)
            all += batch
            // Then the store holds them all in giccid order
            #expect(store.allInOrder.map(\.iccid) == all.map(\.iccid).sorted())
        }
        // And a batch entirely after the largest ICCID appends (the append path) and keeps the order
        let tail = generator.make(30, prefix: "8999")
        store.insert(contentsOf: tail.reversed())
        all += tail
        #expect(store.allInOrder.map(\.iccid) == all.map(\.iccid).sorted())
        // And a batch entirely before the smallest one merges in front
        let head = generator.make(20, prefix: "8900")
        store.insert(contentsOf: head)
        all += head
        #expect(store.count == all.count)
        #expect(store.allInOrder.map(\.iccid) == all.map(\.iccid).sorted())
        try Self.expectListsMatch(store, all, Self.valueFilters())
        #expect(store.countByStatus == Dictionary(grouping: all, by: \.status).mapValues(\.count))
    }

    @Test("an empty batch changes nothing")
    func insertNothing() {
        // Given a store with SIMs
        var generator = RandomSIMs(seed: 3)
        var store = SIMStore()
        store.insert(contentsOf: generator.make(5))
        let before = store.allInOrder
        // When nothing is inserted, then nothing changes
        store.insert(contentsOf: [])
        #expect(store.allInOrder == before)
    }

    @Test("list with every filter and combination matches a brute-force filter and sort over hundreds of SIMs")
    func listMatchesBruteForce() throws {
        // Given 400 random SIMs inserted in random batches (so both insert paths run)
        var generator = RandomSIMs(seed: 42)
        var store = SIMStore()
        var all: [SIM] = []
        while all.count < 400 {
            let batch = generator.make(Int(generator.random.next(upperBound: 60 as UInt64)) + 1)
            store.insert(contentsOf: batch)
            all += batch
        }

        // When listed with every value filter combination, every identifier filter and several pages
        // Then each page and total is the reference's
        try Self.expectListsMatch(store, all, Self.valueFilters() + Self.identifierFilters(all))
    }

    @Test("paging walks a filtered list without gaps or repeats, and totals are the whole list's")
    func pagingTotals() throws {
        // Given 300 random SIMs
        var generator = RandomSIMs(seed: 5)
        var store = SIMStore()
        let all = generator.make(300)
        store.insert(contentsOf: all)
        let filter = SIMFilter(accountName: RandomSIMs.accounts[1])
        let expected = all.filter { $0.accountName == RandomSIMs.accounts[1] }.map(\.iccid).sorted()

        // When every page of size 9 is read
        var walked: [String] = []
        var page = 0
        while true {
            let slice = store.list(filter, page: try PageRequest(page: page, size: 9))
            // Then every page reports the whole list's total
            #expect(slice.total == expected.count)
            if slice.items.isEmpty { break }
            #expect(slice.items.count == min(9, expected.count - page * 9))
            walked += slice.items.map(\.iccid)
            page += 1
        }
        // And together the pages are the list, once each
        #expect(walked == expected)
        #expect(page == (expected.count + 8) / 9)
    }

    @Test("filter values that match nothing give empty pages with total 0")
    func unknownValues() throws {
        // Given a store with SIMs in every status
        var generator = RandomSIMs(seed: 6)
        var store = SIMStore()
        let all = generator.make(200)
        store.insert(contentsOf: all)
        let page = try PageRequest()
        let unknown = [
            SIMFilter(accountName: "no-such-account"), SIMFilter(servicePackageName: "no-such-plan"),
            SIMFilter(iccid: "8944999999999999999"), SIMFilter(imsi: "999999999999999"), SIMFilter(msisdn: "4400000000"),
            SIMFilter(imei: "356938035643809"), SIMFilter(status: .activated, accountName: "no-such-account"),
            SIMFilter(accountName: RandomSIMs.accounts[0], servicePackageName: "no-such-plan"),
        ]
        // When listed with each, then every page is empty with total 0
        for filter in unknown {
            let result = store.list(filter, page: page)
            #expect(result.items.isEmpty, "\(filter)")
            #expect(result.total == 0, "\(filter)")
        }
        // And an empty store lists nothing for any filter
        #expect(SIMStore().list(SIMFilter(), page: page).total == 0)
        #expect(SIMStore().list(SIMFilter(status: .activated), page: page).items.isEmpty)
    }

    @Test("update changes status, plan, account, IMSI and IMEI, and every index follows")
    func updateKeepsIndexes() throws {
        // Given 250 random SIMs
        var generator = RandomSIMs(seed: 7)
        var store = SIMStore()
        var all = generator.make(250)
        store.insert(contentsOf: all)

        // When a seeded random series of updates changes SIMs
        for step in 0..<400 {
            let index = Int(generator.random.next(upperBound: UInt64(all.count)))
            let iccid = all[index].iccid
            let choice = generator.random.next(upperBound: 6 as UInt64)
            let status = SIMStatus.allCases[Int(generator.random.next(upperBound: 6 as UInt64))]
            let plan = [nil] + RandomSIMs.packages.map(Optional.some)
            let newPlan = plan[Int(generator.random.next(upperBound: 4 as UInt64))]
            let newIMEI: String? = step % 5 == 0 ? nil : generator.imeiPool[step % generator.imeiPool.count]
            let newIMSI = "99999" + String(1_000_000_000 + step)
            let result = try store.update(iccid: iccid) { sim throws(SimError) -> String in
                switch choice {
                case 0: sim.status = status
                case 1: sim.basicServicePackageName = newPlan
                case 2: sim.imei = newIMEI
                case 3: sim.accountName = RandomSIMs.accounts[step % RandomSIMs.accounts.count]
                case 4: sim.imsi = newIMSI
                default:
                    sim.status = status
                    sim.basicServicePackageName = newPlan
                    sim.imei = newIMEI
                }
                return sim.iccid
            }
            #expect(result == iccid)
            let before = all[index]
            all[index] = store.sim(iccid: iccid)!
            if choice == 4 {
                // Then the old IMSI is free and the new one finds the SIM
                #expect(!store.containsIMSI(before.imsi))
                #expect(store.list(SIMFilter(imsi: before.imsi), page: try PageRequest()).total == 0)
                #expect(store.list(SIMFilter(imsi: newIMSI), page: try PageRequest()).items.map(\.iccid) == [iccid])
            }
        }

        // Then the store holds the changed SIMs and every list matches the reference
        #expect(store.allInOrder == all.sorted { $0.iccid < $1.iccid })
        try Self.expectListsMatch(store, all, Self.valueFilters() + Self.identifierFilters(all))
        #expect(store.countByStatus.filter { $0.value > 0 } == Dictionary(grouping: all, by: \.status).mapValues(\.count))
    }

    @Test("a status change moves the SIM from one status list to the other")
    func statusChangeMovesBetweenLists() throws {
        // Given an activated SIM among others
        var generator = RandomSIMs(seed: 8)
        var store = SIMStore()
        var sims = generator.make(20)
        sims[0].status = .activated
        store.insert(contentsOf: sims)
        let page = try PageRequest(size: 1000)
        let activatedBefore = store.list(SIMFilter(status: .activated), page: page).total
        let deactivatedBefore = store.list(SIMFilter(status: .deactivated), page: page).total

        // When it is deactivated
        _ = try store.update(iccid: sims[0].iccid) { sim throws(SimError) in sim.status = .deactivated }

        // Then it has left the ACTIVATED list and joined the DEACTIVATED one
        let activated = store.list(SIMFilter(status: .activated), page: page)
        let deactivated = store.list(SIMFilter(status: .deactivated), page: page)
        #expect(activated.total == activatedBefore - 1)
        #expect(deactivated.total == deactivatedBefore + 1)
        #expect(!activated.items.contains { $0.iccid == sims[0].iccid })
        #expect(deactivated.items.contains { $0.iccid == sims[0].iccid })
    }

    @Test("update of an unknown ICCID returns nil and does not run the change")
    func updateUnknown() throws {
        // Given a store without that ICCID
        var store = SIMStore()
        var generator = RandomSIMs(seed: 9)
        store.insert(contentsOf: generator.make(3))
        // When it is updated
        var ran = false
        let result: Void? = try store.update(iccid: "8944000000000000000") { _ throws(SimError) in ran = true }
        // Then nothing ran
        #expect(result == nil)
        #expect(!ran)
    }

    @Test("a change that throws leaves the SIM and every index as they were")
    func throwingUpdateChangesNothing() throws {
        // Given a store with an activated SIM
        var generator = RandomSIMs(seed: 10)
        var store = SIMStore()
        var sims = generator.make(30)
        sims[0].status = .activated
        sims[0].basicServicePackageName = RandomSIMs.packages[0]
        store.insert(contentsOf: sims)
        let refusal = SimError.rejected("SIM", field: "status", code: .illegalStatus, message: "refused")

        // When a change modifies the SIM and then throws
        #expect(throws: refusal) {
            try store.update(iccid: sims[0].iccid) { sim throws(SimError) in
                sim.status = .retired
                sim.basicServicePackageName = RandomSIMs.packages[1]
                throw refusal
            }
        }

        // Then the SIM is unchanged and the lists agree with it
        #expect(store.sim(iccid: sims[0].iccid) == sims[0])
        try Self.expectListsMatch(store, sims, Self.valueFilters())
    }
}
