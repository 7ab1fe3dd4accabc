import Testing

@testable import SimCore

/// The pre-scan of YAML and JSON text: deep nesting of every form is caught on the text, quickly
/// and without recursion; what only looks like nesting (quoted, commented, block scalars) is not.
@Suite struct YAMLNestingLimitTests {
    static let levels = 100_000

    /// Texts nested `levels` deep in each form the scan counts.
    static let deepTexts: [(form: String, text: String)] = [
        ("flow sequences", "a: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"),
        ("flow mappings", String(repeating: "{a: ", count: levels) + "1" + String(repeating: "}", count: levels)),
        ("JSON objects", String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels)),
        ("compact sequences", String(repeating: "- ", count: levels) + "x\n"),
        ("flow across lines", String(repeating: "[\n", count: levels)),
        ("anchored flow", String(repeating: "&x [", count: levels)),
    ]

    @Test(arguments: deepTexts)
    func aTextNestedAHundredThousandLevelsDeepIsCaught(form: String, text: String) {
        let started = ContinuousClock.now
        #expect(YAMLNestingLimit.lineExceedingDepth(in: text) != nil, "\(form)")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func blockIndentationIsCountedLevelByLevel() {
        // One key per line, each indented one more space than the last
        let deep = (0...YAMLNestingLimit.maximumDepth).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(YAMLNestingLimit.lineExceedingDepth(in: deep) == YAMLNestingLimit.maximumDepth + 1)
        let atTheBound = (0..<YAMLNestingLimit.maximumDepth).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(YAMLNestingLimit.lineExceedingDepth(in: atTheBound) == nil)
        // Going back out closes the levels: a thousand shallow blocks one after another are fine
        let wide = String(repeating: "a:\n  b:\n    c: [1, {d: 2}]\n", count: 5_000)
        #expect(YAMLNestingLimit.lineExceedingDepth(in: wide) == nil)
    }

    @Test func flowNestingIsCountedToTheBound() {
        // The document's top level is one level, its flow collections the rest
        let inside = YAMLNestingLimit.maximumDepth - 1
        let atTheBound = String(repeating: "[", count: inside) + String(repeating: "]", count: inside)
        #expect(YAMLNestingLimit.lineExceedingDepth(in: atTheBound) == nil)
        #expect(YAMLNestingLimit.lineExceedingDepth(in: "[" + atTheBound + "]") == 1)
        #expect(YAMLNestingLimit.lineExceedingDepth(in: "x:\n  - " + atTheBound) == 2, "two block levels and the flow ones")
        let closedAgain = String(repeating: "[]", count: 10_000)
        #expect(YAMLNestingLimit.lineExceedingDepth(in: "a: " + closedAgain) == nil)
    }

    /// Texts with brackets by the thousand where they open nothing.
    static let lookalikes: [(form: String, text: String)] = {
        let brackets = String(repeating: "[", count: 5_000)
        let braces = String(repeating: "{", count: 5_000)
        return [
            ("quoted", "a: \"" + brackets + "\"\nb: 1\n"),
            ("single-quoted", "a: '" + braces + " it''s'\nb: 1\n"),
            ("escaped quote", "a: \"\\\"" + brackets + "\"\n"),
            ("commented", "a: 1 # " + brackets + "\n"),
            ("block scalar", "a: |\n  " + brackets + "\n  more\nb: 1\n"),
            ("inside a plain scalar", "a: it's " + brackets + "\n"),
            ("a URL", "url: http://h/" + braces + "\n"),
        ]
    }()

    @Test(arguments: lookalikes)
    func whatOnlyLooksLikeNestingIsNotCounted(form: String, text: String) {
        #expect(YAMLNestingLimit.lineExceedingDepth(in: text) == nil, "\(form)")
    }

    @Test func afterAQuotedScalarTheScanGoesOn() {
        let text = "a: \"x\"\nb: '[y]'\nc: " + String(repeating: "[", count: 2_000) + "\n"
        #expect(YAMLNestingLimit.lineExceedingDepth(in: text) == 3)
    }
}
