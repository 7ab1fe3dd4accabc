/// A set of small non-negative integers stored as bits, with its size kept up to date.
///
/// The SIM store keeps one per indexed value (a status, an account, a plan) over the SIMs'
/// positions in giccid order, so a status change flips two bits and a filtered page is found by
/// walking 64 SIMs per machine word.
struct RankBitset: Sendable, Equatable {
    private(set) var words: [UInt64] = []
    private(set) var count = 0

    init() {}

    func contains(_ position: Int) -> Bool {
        let word = position >> 6
        return word < words.count && words[word] & (1 << UInt64(position & 63)) != 0
    }

    mutating func insert(_ position: Int) {
        let word = position >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        let mask: UInt64 = 1 << UInt64(position & 63)
        if words[word] & mask == 0 {
            words[word] |= mask
            count += 1
        }
    }

    mutating func remove(_ position: Int) {
        let word = position >> 6
        guard word < words.count else { return }
        let mask: UInt64 = 1 << UInt64(position & 63)
        if words[word] & mask != 0 {
            words[word] &= ~mask
            count -= 1
        }
    }

    /// The positions present in every one of `sets`, cut to `range` of that ordered result,
    /// and how many positions are present in every set in all.
    static func intersection(of sets: [RankBitset], slice range: Range<Int>) -> (positions: [Int], total: Int) {
        guard let smallest = sets.min(by: { $0.words.count < $1.words.count }) else { return ([], 0) }
        var positions: [Int] = []
        positions.reserveCapacity(min(range.count, 1024))
        var total = 0
        for wordIndex in 0..<smallest.words.count {
            var word = ~UInt64(0)
            for set in sets { word &= set.words[wordIndex] }
            guard word != 0 else { continue }
            let bits = word.nonzeroBitCount
            // Only words overlapping the requested slice are decoded bit by bit.
            if total + bits > range.lowerBound, total < range.upperBound {
                var remaining = word
                var index = total
                while remaining != 0 {
                    let bit = remaining.trailingZeroBitCount
                    if range.contains(index) { positions.append(wordIndex << 6 | bit) }
                    index += 1
                    remaining &= remaining - 1
                }
            }
            total += bits
        }
        return (positions, total)
    }

    /// Up to `limit` positions present, in increasing order, from `start` on.
    func positions(from start: Int, limit: Int) -> [Int] {
        var positions: [Int] = []
        guard limit > 0 else { return positions }
        var wordIndex = max(0, start) >> 6
        // Bits below `start` in its word are masked off.
        var mask: UInt64 = start > 0 ? ~UInt64(0) << UInt64(start & 63) : ~UInt64(0)
        while wordIndex < words.count {
            var remaining = words[wordIndex] & mask
            while remaining != 0 {
                positions.append(wordIndex << 6 | remaining.trailingZeroBitCount)
                if positions.count == limit { return positions }
                remaining &= remaining - 1
            }
            wordIndex += 1
            mask = ~UInt64(0)
        }
        return positions
    }
}
