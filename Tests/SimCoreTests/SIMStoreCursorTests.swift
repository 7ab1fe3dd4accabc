import Testing

@testable import SimCore

@Suite("SIM store cursors: the SIMs of a status after a giccid, a bounded number at a time")
struct SIMStoreCursorTests {
    static func store() -> (SIMStore, [SIM]) {
        var seed = TestWorld.make()
        seed.addGeneratedSIMs(500)
        var store = SIMStore()
        store.insert(contentsOf: seed.demoEnterprise.sims)
        return (store, seed.demoEnterprise.sims)
    }

    @Test("walking with a cursor visits every SIM of the status once, in giccid order, like the full list")
    func cursorWalkMatchesFullList() {
        let (store, _) = Self.store()
        for status in SIMStatus.allCases {
            var walked: [String] = []
            var cursor: String?
            while true {
                let slice = store.giccids(withStatus: status, after: cursor, limit: 37)
                walked += slice
                guard slice.count == 37 else { break }
                cursor = slice.last
            }
            #expect(walked == store.giccids(withStatus: status))
        }
    }

    @Test("a cursor that is no SIM's giccid starts at the next giccid above it")
    func cursorBetweenGiccids() {
        let (store, sims) = Self.store()
        let activated = sims.filter { $0.status == .activated }.map(\.iccid).sorted()
        let between = String(activated[10].dropLast()) + "~"  // above activated[10], below activated[11]
        #expect(store.giccids(withStatus: .activated, after: between, limit: 3) == Array(activated[11..<14]))
        #expect(store.giccids(withStatus: .activated, after: "9", limit: 3).isEmpty)
        #expect(store.giccids(withStatus: .activated, after: "", limit: 2) == Array(activated[0..<2]))
        #expect(store.giccids(withStatus: .activated, after: nil, limit: 0).isEmpty)
    }

    @Test("positions(from:limit:) gives the set's positions from a start, across words")
    func bitsetPositions() {
        var set = RankBitset()
        let present = [0, 3, 63, 64, 65, 127, 200, 1000]
        for position in present { set.insert(position) }
        #expect(set.positions(from: 0, limit: 100) == present)
        #expect(set.positions(from: 4, limit: 3) == [63, 64, 65])
        #expect(set.positions(from: 64, limit: 100) == [64, 65, 127, 200, 1000])
        #expect(set.positions(from: 1001, limit: 100).isEmpty)
        #expect(set.positions(from: -5, limit: 1) == [0])
    }
}
