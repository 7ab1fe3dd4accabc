import SimCore
import Testing

@testable import SimHTTP

/// The bounded journal of the public API's requests.
@Suite struct RequestJournalTests {
    // MARK: - The ring itself

    @Test func theJournalHoldsAtMostItsCapacityOldestFirst() {
        // Given a journal of 1,000 entries
        let journal = RequestJournal()
        #expect(journal.capacity == 1_000)
        #expect(journal.bodyLimit == 4_096)
        // When 2,500 requests are recorded, every other one of the demo enterprise
        for number in 1...2_500 {
            journal.record(Self.entry(query: "n=\(number)", enterpriseName: number.isMultiple(of: 2) ? "Demo IoT Ltd" : nil))
        }
        // Then the newest 1,000 are kept, oldest first
        let entries = journal.entries()
        #expect(entries.map(\.id) == Array(1_501...2_500))
        #expect(entries.first?.query == "n=1501")
        // When the demo enterprise's are removed and 600 more recorded
        journal.removeAll(enterpriseName: "Demo IoT Ltd")
        #expect(journal.entries().map(\.id) == Array(stride(from: 1_501, through: 2_499, by: 2)))
        for number in 2_501...3_100 { journal.record(Self.entry(query: "n=\(number)")) }
        // Then the ring is full again, without the oldest 100
        #expect(journal.entries().map(\.id) == Array(stride(from: 1_701, through: 2_499, by: 2)) + Array(2_501...3_100))
    }

    @Test func aJournalOfNoCapacityKeepsNothing() {
        let journal = RequestJournal(capacity: 0)
        journal.record(Self.entry(query: nil))
        #expect(journal.entries().isEmpty)
    }

    @Test(arguments: [
        (Array("".utf8), 4, nil as String?, false),
        (Array("abcd".utf8), 4, "abcd", false),
        (Array("abcde".utf8), 4, "abcd", true),
        (Array("aéé".utf8), 4, "aé", true),
        (Array("€".utf8), 2, "", true),
        ([0x61, 0xFF, 0x62], 5, "a\u{FFFD}b", false),
        ([0x61, 0xFF, 0x62], 4, "a\u{FFFD}", true),
        (Array(repeating: UInt8(ascii: "x"), count: 10), 3, "xxx", true),
    ])
    func aBodyIsCutToWholeCharactersWithinTheLimit(bytes: [UInt8], limit: Int, text: String?, truncated: Bool) {
        let body = JournalBody(bytes, limit: limit)
        #expect(body.text == text)
        #expect(body.truncated == truncated)
        #expect((body.text?.utf8.count ?? 0) <= limit)
    }

    private static func entry(query: String?, enterpriseName: String? = nil) -> JournalEntry {
        JournalEntry(
            time: Timestamp(secondsSinceEpoch: 0), method: "GET", path: "/v1/enterprise", query: query, status: 200,
            enterpriseName: enterpriseName, requestBody: .empty, responseBody: .empty)
    }
}
