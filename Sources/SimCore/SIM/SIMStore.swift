/// The SIMs of one enterprise, with the indexes that keep every lookup and list off a full scan.
///
/// - a SIM by ICCID, IMSI, MSISDN or IMEI: hash lookups;
/// - lists in giccid order: each SIM has a *rank* (its position in giccid order) and every
///   status, account and basic plan keeps a ``RankBitset`` of ranks, so a status change flips two
///   bits and a filtered page is an AND of a few bitsets;
/// - share-pool members: every share pool keeps a ``RankBitset`` too, so a pool's member count is
///   read off and its count per status is an AND with each status's bitset.
///
/// SIMs are never removed (a retired SIM stays). New SIMs with giccids above every existing one
/// are appended; others trigger one merge of the order, proportional to the store's size.
public struct SIMStore: Sendable {
    private var records: [SIM] = []
    private var slotByICCID: [String: Int] = [:]
    private var slotByIMSI: [String: Int] = [:]
    private var slotByMSISDN: [String: Int] = [:]
    private var slotsByIMEI: [String: [Int]] = [:]
    private var slotByRank: [Int] = []
    private var rankBySlot: [Int] = []
    private var byStatus: [SIMStatus: RankBitset] = [:]
    private var byAccount: [String: RankBitset] = [:]
    private var byPackage: [String: RankBitset] = [:]
    private var byPool: [String: RankBitset] = [:]
    /// The ICCIDs of the SIMs added or changed since ``takeChangedICCIDs()`` was last called, for a
    /// store that saves only what changed.
    private(set) var changedICCIDs: Set<String> = []

    /// An empty store.
    public init() {}

    /// The number of SIMs.
    public var count: Int { records.count }

    /// Every SIM, in giccid order.
    public var allInOrder: [SIM] { slotByRank.map { records[$0] } }

    /// The SIM with this ICCID (= giccid).
    public func sim(iccid: String) -> SIM? {
        slotByICCID[iccid].map { records[$0] }
    }

    /// True when a SIM already uses this ICCID, IMSI or MSISDN.
    public func containsICCID(_ iccid: String) -> Bool { slotByICCID[iccid] != nil }
    /// True when a SIM already uses this IMSI.
    public func containsIMSI(_ imsi: String) -> Bool { slotByIMSI[imsi] != nil }
    /// True when a SIM already uses this MSISDN.
    public func containsMSISDN(_ msisdn: String) -> Bool { slotByMSISDN[msisdn] != nil }

    /// The number of SIMs in each status.
    public var countByStatus: [SIMStatus: Int] { byStatus.mapValues(\.count) }

    /// The number of SIMs drawing from the share pool `name`.
    public func memberCount(ofPool name: String) -> Int { byPool[name]?.count ?? 0 }

    /// The number of SIMs drawing from the share pool `name` in each status; every status is present.
    public func countByStatus(inPool name: String) -> [SIMStatus: Int] {
        let members = byPool[name] ?? RankBitset()
        return Dictionary(
            uniqueKeysWithValues: SIMStatus.allCases.map { status in
                (status, RankBitset.intersection(of: [members, byStatus[status] ?? RankBitset()], slice: 0..<0).total)
            })
    }

    /// The giccids of the SIMs in `status`, in giccid order.
    public func giccids(withStatus status: SIMStatus) -> [String] {
        guard let members = byStatus[status] else { return [] }
        return RankBitset.intersection(of: [members], slice: 0..<Int.max).positions.map { records[slotByRank[$0]].iccid }
    }

    /// Up to `limit` giccids of the SIMs in `status` above `after` (from the first when nil), in
    /// giccid order: proportional to `limit`, not to the store's size.
    public func giccids(withStatus status: SIMStatus, after: String?, limit: Int) -> [String] {
        guard let members = byStatus[status] else { return [] }
        var start = 0
        if let after {
            // The first rank whose giccid is above `after` (which need not be a SIM's).
            var high = slotByRank.count
            while start < high {
                let middle = (start + high) / 2
                if records[slotByRank[middle]].iccid <= after { start = middle + 1 } else { high = middle }
            }
        }
        return members.positions(from: start, limit: limit).map { records[slotByRank[$0]].iccid }
    }

    /// The SIMs drawing from the share pool `name`, in giccid order (proportional to the pool's size).
    public func members(ofPool name: String) -> [SIM] {
        guard let members = byPool[name] else { return [] }
        return RankBitset.intersection(of: [members], slice: 0..<Int.max).positions.map { records[slotByRank[$0]] }
    }

    /// Adds SIMs whose ICCID, IMSI and MSISDN are not used yet (checked by the caller).
    public mutating func insert(contentsOf sims: [SIM]) {
        guard !sims.isEmpty else { return }
        let firstSlot = records.count
        let largestICCID = slotByRank.last.map { records[$0].iccid }
        records.append(contentsOf: sims)
        for sim in sims { changedICCIDs.insert(sim.iccid) }
        for slot in firstSlot..<records.count { indexIdentifiers(of: slot) }
        rankBySlot.append(contentsOf: repeatElement(0, count: sims.count))

        let newSlots = (firstSlot..<records.count).sorted { records[$0].iccid < records[$1].iccid }
        if let largestICCID, records[newSlots[0]].iccid < largestICCID {
            mergeIntoOrder(newSlots)
        } else {
            for slot in newSlots {
                rankBySlot[slot] = slotByRank.count
                slotByRank.append(slot)
                indexValues(of: slot)
            }
        }
    }

    /// Changes the SIM with this ICCID in place, keeping every index right; nil when there is none.
    public mutating func update<Result>(iccid: String, _ change: (inout SIM) throws(SimError) -> Result) throws(SimError) -> Result? {
        guard let slot = slotByICCID[iccid] else { return nil }
        let before = records[slot]
        // The change works on a copy, so a change that throws part-way leaves the SIM and the indexes as they were.
        var after = before
        let result = try change(&after)
        records[slot] = after
        if after != before { changedICCIDs.insert(iccid) }
        precondition(after.iccid == before.iccid, "a SIM's ICCID never changes")
        let rank = rankBySlot[slot]
        if after.status != before.status {
            byStatus[before.status]?.remove(rank)
            byStatus[after.status, default: RankBitset()].insert(rank)
        }
        if after.accountName != before.accountName {
            byAccount[before.accountName]?.remove(rank)
            byAccount[after.accountName, default: RankBitset()].insert(rank)
        }
        if after.basicServicePackageName != before.basicServicePackageName {
            if let old = before.basicServicePackageName { byPackage[old]?.remove(rank) }
            if let new = after.basicServicePackageName { byPackage[new, default: RankBitset()].insert(rank) }
        }
        if after.sharePoolName != before.sharePoolName {
            if let old = before.sharePoolName { byPool[old]?.remove(rank) }
            if let new = after.sharePoolName { byPool[new, default: RankBitset()].insert(rank) }
        }
        if after.imsi != before.imsi || after.msisdn != before.msisdn || after.imei != before.imei {
            removeIdentifiers(of: before, slot: slot)
            indexIdentifiers(of: slot)
        }
        return result
    }

    /// Returns the ICCIDs of the SIMs added or changed since the last call, and forgets them.
    mutating func takeChangedICCIDs() -> Set<String> {
        defer { changedICCIDs = [] }
        return changedICCIDs
    }

    /// One page of the SIMs passing `filter`, in giccid order, with the number passing in all.
    public func list(_ filter: SIMFilter, page: PageRequest) -> Page<SIM> {
        if filter.hasIdentifier {
            let matching = candidateSlots(for: filter).map { records[$0] }.filter(filter.matches).sorted { $0.iccid < $1.iccid }
            return Page(slicing: matching, request: page)
        }
        var sets: [RankBitset] = []
        if let status = filter.status { sets.append(byStatus[status] ?? RankBitset()) }
        if let account = filter.accountName { sets.append(byAccount[account] ?? RankBitset()) }
        if let package = filter.servicePackageName { sets.append(byPackage[package] ?? RankBitset()) }
        if sets.isEmpty {
            let range = page.range(in: slotByRank.count)
            return Page(items: slotByRank[range].map { records[$0] }, request: page, total: slotByRank.count)
        }
        let (ranks, total) = RankBitset.intersection(of: sets, slice: page.range(in: Int.max))
        return Page(items: ranks.map { records[slotByRank[$0]] }, request: page, total: total)
    }

    private func candidateSlots(for filter: SIMFilter) -> [Int] {
        var candidates: Set<Int>?
        func narrow(_ slots: [Int]) {
            candidates = candidates.map { $0.intersection(slots) } ?? Set(slots)
        }
        if let iccid = filter.iccid { narrow(slotByICCID[iccid].map { [$0] } ?? []) }
        if let imsi = filter.imsi { narrow(slotByIMSI[imsi].map { [$0] } ?? []) }
        if let msisdn = filter.msisdn { narrow(slotByMSISDN[msisdn].map { [$0] } ?? []) }
        if let imei = filter.imei { narrow(slotsByIMEI[imei] ?? []) }
        return Array(candidates ?? [])
    }

    private mutating func indexIdentifiers(of slot: Int) {
        let sim = records[slot]
        slotByICCID[sim.iccid] = slot
        slotByIMSI[sim.imsi] = slot
        slotByMSISDN[sim.msisdn] = slot
        if let imei = sim.imei { slotsByIMEI[imei, default: []].append(slot) }
    }

    private mutating func removeIdentifiers(of sim: SIM, slot: Int) {
        if slotByIMSI[sim.imsi] == slot { slotByIMSI[sim.imsi] = nil }
        if slotByMSISDN[sim.msisdn] == slot { slotByMSISDN[sim.msisdn] = nil }
        if let imei = sim.imei {
            slotsByIMEI[imei]?.removeAll { $0 == slot }
            if slotsByIMEI[imei]?.isEmpty == true { slotsByIMEI[imei] = nil }
        }
    }

    private mutating func indexValues(of slot: Int) {
        let sim = records[slot]
        let rank = rankBySlot[slot]
        byStatus[sim.status, default: RankBitset()].insert(rank)
        byAccount[sim.accountName, default: RankBitset()].insert(rank)
        if let package = sim.basicServicePackageName { byPackage[package, default: RankBitset()].insert(rank) }
        if let pool = sim.sharePoolName { byPool[pool, default: RankBitset()].insert(rank) }
    }

    /// Merges sorted new slots into the giccid order and rebuilds the rank bitsets.
    private mutating func mergeIntoOrder(_ newSlots: [Int]) {
        var merged: [Int] = []
        merged.reserveCapacity(slotByRank.count + newSlots.count)
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < slotByRank.count || newIndex < newSlots.count {
            let takeNew =
                oldIndex == slotByRank.count
                || (newIndex < newSlots.count && records[newSlots[newIndex]].iccid < records[slotByRank[oldIndex]].iccid)
            if takeNew {
                merged.append(newSlots[newIndex])
                newIndex += 1
            } else {
                merged.append(slotByRank[oldIndex])
                oldIndex += 1
            }
        }
        slotByRank = merged
        for (rank, slot) in merged.enumerated() { rankBySlot[slot] = rank }
        byStatus = [:]
        byAccount = [:]
        byPackage = [:]
        byPool = [:]
        for slot in merged { indexValues(of: slot) }
    }
}

/// A SIM store in a state document: its SIMs in giccid order (the indexes are rebuilt).
extension SIMStore: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.singleValueContainer()
        let sims = try container.decode([SIM].self)
        // Every index keeps one SIM per identifier: a repeated one would leave a list whose total is not its length.
        var iccids: Set<String> = []
        var imsis: Set<String> = []
        var msisdns: Set<String> = []
        for sim in sims {
            guard iccids.insert(sim.iccid).inserted, imsis.insert(sim.imsi).inserted, msisdns.insert(sim.msisdn).inserted else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "SIM \(sim.iccid.prefix(24)) repeats the ICCID, IMSI or MSISDN of another SIM")
            }
        }
        insert(contentsOf: sims)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(allInOrder)
    }
}
