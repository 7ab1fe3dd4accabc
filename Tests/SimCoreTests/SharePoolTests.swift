import Testing

@testable import SimCore

/// Share pools: membership and counts from the SIM store's pool index, use in the current cycle.
@Suite struct SharePoolTests {
    let enterprise = TestWorld.enterpriseName
    let everything = try! PageRequest(size: PageRequest.maximumSize)

    private func everyStatus(_ count: Int) -> [SIMStatus: Int] {
        Dictionary(uniqueKeysWithValues: SIMStatus.allCases.map { ($0, count) })
    }

    @Test func aPoolCountsItsMembersPerStatusAndAddsUpTheirUse() throws {
        // Given the prepaid account's six SIMs, one per status, all on the pool, the ACTIVATED one with March use
        let simulator = TestWorld.simulator()
        // When the pool is read
        let summary = try simulator.sharePool(named: TestWorld.meterPool, enterprise: enterprise)
        // Then it has six members, one in each status, and the ACTIVATED SIM's use
        #expect(summary.pool == SharePool(name: TestWorld.meterPool, accountName: TestWorld.prepaidAccount, quotaBytes: 10_000_000_000))
        #expect(summary.memberCount == 6)
        #expect(summary.statusCounts == everyStatus(1))
        #expect(summary.usedBytes == TestWorld.marchDataBytes)
    }

    @Test func theUseOfAnEarlierCycleDoesNotCount() throws {
        // Given the clock moved into April
        let simulator = TestWorld.simulator()
        try simulator.advance(to: Timestamp(secondsSinceEpoch: 1_743_465_600))  // 2025-04-01T00:00:00Z
        // Then the pool has used nothing this cycle
        #expect(try simulator.sharePool(named: TestWorld.meterPool, enterprise: enterprise).usedBytes == 0)
    }

    @Test func aStatusChangeMovesTheCount() throws {
        let simulator = TestWorld.simulator()
        _ = try simulator.perform(
            .activate, giccid: TestWorld.giccid(.inventory, account: TestWorld.prepaidAccount), enterprise: enterprise, source: .api)
        let counts = try simulator.sharePool(named: TestWorld.meterPool, enterprise: enterprise).statusCounts
        #expect(counts[.inventory] == 0)
        #expect(counts[.activated] == 2)
        #expect(counts.count == SIMStatus.allCases.count)
    }

    @Test func newSIMsOnAPoolPlanJoinThePool() throws {
        let simulator = TestWorld.simulator()
        _ = try simulator.createSIMs(
            SIMCreationRequest(accountName: TestWorld.prepaidAccount, count: 3, basicServicePackageName: TestWorld.meterBasic),
            enterprise: enterprise)
        #expect(try simulator.sharePool(named: TestWorld.meterPool, enterprise: enterprise).memberCount == 9)
    }

    @Test func poolsAreListedInNameOrderAndPaged() throws {
        let simulator = TestWorld.simulator()
        let all = try simulator.sharePools(page: everything, enterprise: enterprise)
        #expect(all.items.map(\.pool.name) == [TestWorld.meterPool])
        #expect(all.total == 1)
        let second = try simulator.sharePools(page: try PageRequest(page: 1, size: 1), enterprise: enterprise)
        #expect(second.items.isEmpty && second.total == 1)
    }

    @Test func anUnknownPoolIsNotFound() {
        let simulator = TestWorld.simulator()
        #expect(throws: SimError.notFound("SharePool", field: "poolName")) { () throws(SimError) in
            try simulator.sharePool(named: "No-Such-Pool", enterprise: enterprise)
        }
    }

    @Test func eachEnterpriseCountsOnlyItsOwnSIMs() throws {
        // Given another enterprise with a copy of the catalog and no SIMs
        let simulator = TestWorld.simulator()
        _ = try simulator.createEnterprise(named: "Other", apiKey: "other-key-0123456789", template: .empty)
        // Then its pool of the same name has no members and no use
        let other = try simulator.sharePool(named: TestWorld.meterPool, enterprise: "Other")
        #expect(other.memberCount == 0 && other.usedBytes == 0 && other.statusCounts == everyStatus(0))
        // And when it has no such pool, the first enterprise's pool is not found from it
        simulator.readWorld { world, _ in world.tenants["Other"]!.sharePools = [:] }
        #expect(throws: SimError.notFound("SharePool", field: "poolName")) { () throws(SimError) in
            try simulator.sharePool(named: TestWorld.meterPool, enterprise: "Other")
        }
        #expect(try simulator.sharePools(page: everything, enterprise: "Other").total == 0)
    }

    // MARK: - The store's pool index

    private func sim(_ serial: Int, pool: String?, status: SIMStatus = .activated) -> SIM {
        let body = "894401000000009" + String(1000 + serial).suffix(3)
        return SIM(
            iccid: body + String(Luhn.checkDigit(for: body)), imsi: "2341501000\(10000 + serial)", msisdn: "447010\(100_000 + serial)",
            status: status, accountName: "a", sharePoolName: pool, createdTime: TestWorld.createdTime)
    }

    @Test func theStoreKeepsPoolMembershipThroughInsertsMergesAndUpdates() throws {
        // Given SIMs appended in order, then one inserted before them (the merge path)
        var store = SIMStore()
        store.insert(contentsOf: [sim(5, pool: "p"), sim(6, pool: "q"), sim(7, pool: "p", status: .retired)])
        store.insert(contentsOf: [sim(1, pool: "p")])
        #expect(store.memberCount(ofPool: "p") == 3)
        #expect(store.members(ofPool: "p").map(\.iccid) == [sim(1, pool: nil), sim(5, pool: nil), sim(7, pool: nil)].map(\.iccid))
        #expect(store.countByStatus(inPool: "p")[.retired] == 1)
        #expect(store.countByStatus(inPool: "p")[.activated] == 2)
        // When a SIM leaves its pool and another moves between pools
        _ = try store.update(iccid: sim(1, pool: nil).iccid) { $0.sharePoolName = nil }
        _ = try store.update(iccid: sim(6, pool: nil).iccid) { $0.sharePoolName = "p" }
        // Then the counts follow
        #expect(store.memberCount(ofPool: "p") == 3)
        #expect(store.memberCount(ofPool: "q") == 0)
        #expect(store.members(ofPool: "p").map(\.iccid) == [sim(5, pool: nil), sim(6, pool: nil), sim(7, pool: nil)].map(\.iccid))
        #expect(store.countByStatus(inPool: "none") == everyStatus(0))
    }
}
