import Foundation
import Testing

@testable import SimReplay

/// The parts of scenario replay that need no server: selectors, matching, variables, the loader's
/// checks, reports and recording.
@Suite struct ScenarioPartsTests {
    let job: JSON = .object([
        "jobId": .string("ab12"), "total": .integer(2),
        "tasks": .array([
            .object(["giccid": .string("891"), "status": .string("SUCCESS")]),
            .object(["giccid": .string("892"), "status": .string("FAIL"), "errorMessage": .string("HLR timeout")]),
        ]),
    ])

    @Test(arguments: [
        ("$.jobId", JSON.string("ab12")), ("$.tasks[1].status", .string("FAIL")), ("$['total']", .integer(2)),
        ("$.tasks[-1].giccid", .string("892")), ("$.tasks[*].status", .array([.string("SUCCESS"), .string("FAIL")])),
        ("$.tasks[*].errorMessage", .array([.string("HLR timeout")])),
    ])
    func selectorsFindValues(selector: String, expected: JSON) throws {
        #expect(try JSONSelector(selector).value(in: job) == expected)
    }

    @Test func aSelectorThatFindsNothingGivesNilAndBadSelectorsAreRefused() throws {
        #expect(try JSONSelector("$.tasks[5].status").value(in: job) == nil)
        #expect(try JSONSelector("$.nothing").value(in: job) == nil)
        for bad in ["jobId", "$.tasks[x]", "$.tasks[0", "$..", "$ .a"] {
            #expect(throws: ScenarioError.self, "\(bad)") { try JSONSelector(bad) }
        }
    }

    @Test func matchingIsBySubsetAndNamesTheFirstDifference() {
        let subset: JSON = .object(["tasks": .array([.object(["status": .string("SUCCESS")]), .object(["status": .string("FAIL")])])])
        #expect(JSONMatcher.firstDifference(expected: subset, actual: job) == nil)
        let wrong: JSON = .object(["tasks": .array([.object(["status": .string("SUCCESS")]), .object(["status": .string("SUCCESS")])])])
        #expect(JSONMatcher.firstDifference(expected: wrong, actual: job) == #"at $.tasks[1].status: expected "SUCCESS", got "FAIL""#)
        let shorter: JSON = .object(["tasks": .array([.object([:])])])
        #expect(JSONMatcher.firstDifference(expected: shorter, actual: job)?.hasPrefix("at $.tasks: expected 1 elements, got 2") == true)
        #expect(JSONMatcher.firstDifference(expected: .object(["total": .number(2.0)]), actual: job) == nil)
        #expect(
            JSONMatcher.firstDifference(expected: .object(["missing": .null]), actual: job) == "at $.missing: expected null, but there is nothing")
    }

    @Test func operatorsMatchShapesRatherThanValues() {
        func check(_ name: String, _ argument: JSON, _ value: JSON?) -> Bool {
            JSONMatcher.firstDifference(expected: .object([name: argument]), actual: value) == nil
        }
        #expect(check("$matches", .string("^[a-f0-9]{4}$"), .string("ab12")))
        #expect(!check("$matches", .string("^[a-f0-9]{5}$"), .string("ab12")))
        #expect(check("$exists", .bool(false), nil) && !check("$exists", .bool(true), nil) && check("$exists", .bool(true), .null))
        #expect(check("$length", .integer(2), job.object?["tasks"]) && !check("$length", .integer(3), job.object?["tasks"]))
        #expect(check("$contains", .object(["status": .string("FAIL")]), job.object?["tasks"]))
        #expect(check("$contains", .string("12"), .string("ab12")) && !check("$contains", .string("zz"), .string("ab12")))
        #expect(check("$any", .bool(true), .null))
        #expect(!check("$unknown", .null, .null))
    }

    @Test func variablesAreInterpolatedKeepingTheirType() throws {
        let interpolation = Interpolation(variables: ["jobId": .string("ab12"), "count": .integer(3)])
        #expect(try interpolation.apply(.string("/v1/batchJobs/${jobId}")) == .string("/v1/batchJobs/ab12"))
        #expect(try interpolation.apply(.string("${count}")) == .integer(3))
        #expect(try interpolation.apply(.string("${count} SIMs of ${jobId}")) == .string("3 SIMs of ab12"))
        #expect(try interpolation.apply(.object(["ids": .array([.string("${jobId}")])])) == .object(["ids": .array([.string("ab12")])]))
        #expect(throws: ScenarioError.self) { try interpolation.apply(.string("${nope}")) }
        #expect(throws: ScenarioError.self) { try interpolation.apply(.string("${jobId")) }
    }

    @Test func theLoaderReadsAScenarioAndRefusesWhatWouldCheckNothing() throws {
        let good = """
            name: Suspend
            steps:
              - request: {method: post, path: "/v1/global-sims/89/suspend"}
                expect: {status: 200, json: {"$.status": DEACTIVATED}}
              - advance: 5s
              - expectPushes: {eventType: SIM_STATUS_CHANGE, count: 1}
            """
        let scenario = try ScenarioLoader.load(yaml: good, source: "good.yaml")
        #expect(scenario.steps.count == 3)
        #expect(scenario.steps[0].request?.method == "post" && scenario.steps[0].expect?.json?["$.status"] == .string("DEACTIVATED"))
        #expect(scenario.steps[1].advance == .string("5s"))
        let refusals: [(String, String)] = [
            ("name: x\nsteps:\n  - advance: 1s\n    request: {method: GET, path: /v1/}", "exactly one of"),
            ("name: x\nsteps:\n  - {}", "it has none"),
            ("name: x\nsteps:\n  - request: {method: GET, path: /v1/}\n    expected: {status: 200}", "steps[0].expected: unknown key"),
            ("name: x\nsteps:\n  - request: {method: FETCH, path: /v1/}", "unknown method FETCH"),
            ("name: x\nsteps:\n  - request: {method: GET, path: /global-sims}", "starts with /v1 or /_sim"),
            ("name: x\nsteps:\n  - request: {method: GET, path: /v1/}\n    capture: {a: jobId}", "a selector starts with $"),
            ("name: x\ntemplate: full\nsteps:\n  - advance: 1s", "template is default or empty"),
            ("steps:\n  - advance: 1s", "name: is required"),
            ("name: x\nsteps: []", "at least one step"),
            ("name: x\nsteps:\n  - expectPushes: {sequence: [{currentStatus: ACTIVATED}]}", "sequence[0].currentStatus: unknown key"),
        ]
        for (text, message) in refusals {
            let error = #expect(throws: ScenarioError.self, "\(text)") { try ScenarioLoader.load(yaml: text, source: "bad.yaml") }
            #expect(error?.message.hasPrefix("bad.yaml: ") == true)
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "") should say \(message)")
        }
    }

    @Test func theReportShowsEachStepAndTheFirstDifferenceAndEndsWithTheCounts() {
        let passed = ScenarioResult(file: "a.yaml", name: "A", steps: [("one", .passed)])
        let failed = ScenarioResult(
            file: "b.yaml", name: "B <&>", steps: [("one", .passed), ("two", .failed("at $.x: expected 1, got 2")), ("three", .skipped)])
        let text = ReplayReport.text([passed, failed])
        #expect(
            text == """
                smarthub-sim replay: 2 scenarios

                PASS  a.yaml — A
                      ok    1. one
                FAIL  b.yaml — B <&>
                      ok    1. one
                      FAIL  2. two: at $.x: expected 1, got 2
                      skip  3. three

                1 passed, 1 failed

                """)
        let xml = JUnitReport.xml([passed, failed])
        #expect(xml.contains(#"<testsuites name="smarthub-sim replay" tests="2" failures="1">"#))
        #expect(xml.contains(#"<testcase classname="a.yaml" name="A"/>"#))
        #expect(xml.contains(#"<testcase classname="b.yaml" name="B &lt;&amp;&gt;">"#))
        #expect(xml.contains(#"<failure message="step 2 (two): at $.x: expected 1, got 2">"#))
    }

    @Test func aRecordingCapturesIdsWhereLaterCallsNameThemAndAdvancesToEachNewTime() throws {
        func entry(_ time: String, _ method: String, _ path: String, status: Int, request: String? = nil, response: String) -> JSON {
            .object([
                "time": .string(time), "method": .string(method), "path": .string(path), "query": .null, "status": .integer(Int64(status)),
                "enterpriseName": .string("Demo"), "requestBody": request.map(JSON.string) ?? .null, "requestBodyTruncated": .bool(false),
                "responseBody": .string(response), "responseBodyTruncated": .bool(false),
            ])
        }
        let jobId = "ff8080815b1d381001511e06f52b1232"
        let entries = [
            entry(
                "2025-03-15T08:00:00+0000", "POST", "/v1/batchJobs/global-sims/activate", status: 201,
                request: #"{"giccids":["8944102015031152958"]}"#,
                response: #"{"jobId":"\#(jobId)"}"#),
            entry("2025-03-15T08:00:10+0000", "GET", "/v1/batchJobs/\(jobId)", status: 200, response: #"{"jobId":"\#(jobId)","status":"FINISHED"}"#),
        ]
        let scenario = ScenarioRecorder.scenario(fromJournal: entries, name: "Recorded")
        #expect(scenario.steps.map(\.actions) == [["advance"], ["request"], ["advance"], ["request"]])
        #expect(scenario.steps[1].capture == ["jobId1": "$.jobId"])
        #expect(scenario.steps[1].expect == ResponseExpectation(status: 201, body: .object(["jobId": .string("${jobId1}")])))
        #expect(scenario.steps[2].advance == .object(["to": .string("2025-03-15T08:00:10+0000")]))
        #expect(scenario.steps[3].request?.path == "/v1/batchJobs/${jobId1}")
        #expect(scenario.steps[3].expect?.body == .object(["jobId": .string("${jobId1}"), "status": .string("FINISHED")]))
        // And the YAML reads back as the same scenario
        let yaml = try ScenarioRecorder.yaml(scenario, source: "http://127.0.0.1:8080")
        #expect(try ScenarioLoader.load(yaml: yaml, source: "recorded.yaml") == scenario)
    }

    @Test(arguments: [
        "name: deep\nsteps:\n  - " + String(repeating: "[", count: 100_000) + "\n",
        "name: deep\nsteps:\n  - " + String(repeating: "- ", count: 100_000) + "x\n",
        "name: deep\nsteps:\n  - " + String(repeating: #"{"a":"#, count: 100_000) + "\n",
    ])
    func aScenarioNestedAHundredThousandLevelsDeepIsRefusedBeforeItIsParsed(yaml: String) {
        let started = ContinuousClock.now
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: yaml, source: "deep.yaml") }
        #expect(error.map { "\($0)" }?.contains("deep.yaml: line 3: the document nests deeper than 1000 levels") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
