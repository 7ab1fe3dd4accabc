import Testing

@testable import SimCore

@Suite("Paging: page and size (smarthub-api.md §1)")
struct PagingTests {
    @Test("defaults are page 0, size 10")
    func defaults() throws {
        // Given no page or size, when a request is made, then the documented defaults apply
        let request = try PageRequest()
        #expect(request.page == 0)
        #expect(request.size == 10)
        #expect(PageRequest.maximumSize == 1000)
    }

    @Test("sizes from 1 to 1000 are accepted", arguments: [1, 2, 10, 999, 1000])
    func validSizes(size: Int) throws {
        // Given a size in range, when a request is made, then it keeps it
        #expect(try PageRequest(page: 0, size: size).size == size)
    }

    @Test("size 0, negative or over 1000 is refused as invalid, naming size", arguments: [0, -1, 1001, Int.max, Int.min])
    func invalidSizes(size: Int) {
        // Given a size out of range, when a request is made, then it is refused on the field size
        #expect(
            throws: SimError(.rejected, [.init(resource: "query", field: "size", code: .invalid, message: "size must be an integer from 1 to 1000")])
        ) {
            try PageRequest(page: 0, size: size)
        }
    }

    @Test("a negative page is refused as invalid, naming page; page 0 and huge pages are accepted")
    func pages() throws {
        // Given pages at the edges
        #expect(try PageRequest(page: 0, size: 10).page == 0)
        #expect(try PageRequest(page: Int.max, size: 1000).page == Int.max)
        // When negative, then refused on the field page
        #expect(
            throws: SimError(.rejected, [.init(resource: "query", field: "page", code: .invalid, message: "page must be an integer of 0 or more")])
        ) {
            try PageRequest(page: -1, size: 10)
        }
    }

    @Test("a bad page and a bad size are both reported, page first")
    func bothBad() {
        // Given both fields out of range, when a request is made, then both are named
        do {
            _ = try PageRequest(page: -1, size: 1001)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.category == .rejected)
            #expect(error.issues.map(\.field) == ["page", "size"])
            #expect(error.issues.allSatisfy { $0.code == .invalid })
        }
    }

    @Test(
        "range(in:) at, near and past the end of a list",
        arguments: [
            // (page, size, total, expected range)
            (0, 10, 25, 0..<10),
            (1, 10, 25, 10..<20),
            (2, 10, 25, 20..<25),  // last, partial page
            (3, 10, 25, 25..<25),  // just past the end
            (99, 10, 25, 25..<25),  // far past the end
            (2, 10, 30, 20..<30),  // last, full page
            (3, 10, 30, 30..<30),
            (0, 10, 0, 0..<0),  // empty list
            (0, 1000, 5, 0..<5),
            (4, 1, 5, 4..<5),
            (5, 1, 5, 5..<5),
        ])
    func range(page: Int, size: Int, total: Int, expected: Range<Int>) throws {
        // Given a page request, when its range in a list of `total` items is asked, then it is clamped to the list
        #expect(try PageRequest(page: page, size: size).range(in: total) == expected)
    }

    @Test("a huge page does not overflow: it is past the end of any list", arguments: [Int.max, Int.max / 1000, Int.max / 1000 + 1, Int.max / 2])
    func hugePage(page: Int) throws {
        // Given a page whose offset is near or beyond Int.max
        let request = try PageRequest(page: page, size: 1000)
        // When its range is asked in a small list and in the largest list, then nothing traps
        #expect(request.range(in: 5) == 5..<5)
        let inLargest = request.range(in: Int.max)
        #expect(inLargest.upperBound == Int.max)
        #expect(inLargest.count <= 1000)
        #expect(request.offset >= 0)
    }

    @Test("Page(slicing:) cuts the requested page and keeps the total")
    func slicing() throws {
        // Given a list of 25 numbers
        let all = Array(0..<25)
        // When pages are cut
        let first = Page(slicing: all, request: try PageRequest(page: 0, size: 10))
        let last = Page(slicing: all, request: try PageRequest(page: 2, size: 10))
        let past = Page(slicing: all, request: try PageRequest(page: 3, size: 10))
        // Then each has its items, the request, and the whole list's total
        #expect(first.items == Array(0..<10))
        #expect(last.items == Array(20..<25))
        #expect(past.items.isEmpty)
        #expect([first.total, last.total, past.total] == [25, 25, 25])
        #expect(last.request == (try PageRequest(page: 2, size: 10)))
        // And walking every page gives the whole list back
        var walked: [Int] = []
        for page in 0..<9 { walked += Page(slicing: all, request: try PageRequest(page: page, size: 3)).items }
        #expect(walked == all)
    }

    @Test("map transforms the items and keeps the request and total")
    func map() throws {
        // Given a page, when mapped, then only the items change
        let page = Page(slicing: Array(0..<25), request: try PageRequest(page: 1, size: 10))
        let mapped = page.map { "#\($0)" }
        #expect(mapped.items == (10..<20).map { "#\($0)" })
        #expect(mapped.total == 25)
        #expect(mapped.request == page.request)
    }
}
