import Testing

@testable import SimHTTP

/// Query strings read as HTML forms and HTTP clients write them.
@Suite struct QueryReaderTests {
    @Test(arguments: ["accountName=Fleet+Prepaid", "accountName=Fleet%20Prepaid", "accountName=Fleet%20Prepaid&accountName=Other"])
    func aPlusAndAnEscapedSpaceAreBothSpaces(query: String) {
        #expect(QueryReader(query: query).string("accountName") == "Fleet Prepaid")
    }

    @Test func anEscapedPlusIsAPlusAndEscapesDecode() {
        let reader = QueryReader(query: "from=2025-03-15T08:00:00%2B0000&accountName=%E8%AF%95%E7%94%A8%E8%B4%A6%E6%88%B7")
        #expect(reader.string("from") == "2025-03-15T08:00:00+0000")
        #expect(reader.string("accountName") == "试用账户")
    }

    @Test func anUnescapedPlusInATimeStillReadsAsTheTime() throws {
        let reader = QueryReader(query: "from=2025-03-15T08:00:00+0000")
        #expect(try reader.timestamp("from")?.smarthubString == "2025-03-15T08:00:00+0000")
    }

    @Test func emptyAndBareParameters() {
        let reader = QueryReader(query: "&status=&flag&&size=5")
        #expect(reader.string("status") == "")
        #expect(reader.string("flag") == "")
        #expect(reader.string("size") == "5")
        #expect(reader.string("page") == nil)
    }

    @Test func escapesThatAreNotUTF8AreKeptAsSent() {
        #expect(QueryReader(query: "status=%FF%FE").string("status") == "%FF%FE")
    }
}
