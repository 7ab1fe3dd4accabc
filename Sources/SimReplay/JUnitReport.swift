/// A replay as JUnit XML, for CI: one `testcase` per scenario, a `failure` naming its first
/// difference. Without times, so the same replay gives the same bytes.
public enum JUnitReport {
    /// The XML document of `results`.
    public static func xml(_ results: [ScenarioResult]) -> String {
        let failures = results.filter { !$0.passed }.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="smarthub-sim replay" tests="\#(results.count)" failures="\#(failures)">"#,
            #"  <testsuite name="scenarios" tests="\#(results.count)" failures="\#(failures)">"#,
        ]
        for result in results {
            let opening = #"    <testcase classname="\#(escape(result.file))" name="\#(escape(result.name))""#
            guard let failure = result.firstFailure else {
                lines.append(opening + "/>")
                continue
            }
            let headline = failure.number == 0 ? "setup" : "step \(failure.number) (\(failure.title))"
            let firstLine = failure.message.split(separator: "\n").first.map(String.init) ?? ""
            lines.append(opening + ">")
            lines.append(#"      <failure message="\#(escape(headline + ": " + firstLine))">\#(escape(failure.message))</failure>"#)
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with the five XML special characters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
