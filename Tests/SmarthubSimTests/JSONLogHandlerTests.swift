import Foundation
import Logging
import Synchronization
import Testing

@testable import smarthub_sim

@Suite("JSON log lines (--log-format json)")
struct JSONLogHandlerTests {
    private func event(_ message: Logger.Message, level: Logger.Level = .info) -> LogEvent {
        LogEvent(level: level, message: message, metadata: nil, source: "SimHTTP", file: #fileID, function: #function, line: #line)
    }

    @Test("one object per line: time, level, label, message, source, then the metadata in key order")
    func fieldsInOrder() {
        let line = JSONLogHandler.line(
            time: "2026-12-06T05:40:12.412Z", event: event("request"), label: "smarthub-sim",
            metadata: ["http.status": .stringConvertible(200), "http.method": "GET"])
        #expect(
            line
                == #"{"time":"2026-12-06T05:40:12.412Z","level":"info","label":"smarthub-sim","message":"request","source":"SimHTTP","http.method":"GET","http.status":"200"}"#
                + "\n")
    }

    @Test("quotes, backslashes and control characters are escaped; nested values stay JSON")
    func escaping() throws {
        let line = JSONLogHandler.line(
            time: "t", event: event("a \"quoted\" \\ line\nand\u{1}more"), label: "l",
            metadata: ["list": .array(["x", .dictionary(["k": "v\t"])])])
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "a \"quoted\" \\ line\nand\u{1}more")
        let list = try #require(object["list"] as? [Any])
        #expect(list.first as? String == "x")
        #expect((list.last as? [String: String])?["k"] == "v\t")
    }

    @Test("the handler writes the logger's metadata with the record's")
    func handlerWrites() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "smarthub-sim", factory: { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } })
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("request", metadata: ["http.path": "/v1"])
        logger.debug("not at info")
        let written = lines.withLock { $0 }
        try #require(written.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["hb.request.id"] as? String == "42")
        #expect(object["http.path"] as? String == "/v1")
        #expect((object["time"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
    }
}
