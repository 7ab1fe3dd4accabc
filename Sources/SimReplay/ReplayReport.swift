/// The readable report of a replay: each scenario with its outcome and, for a failure, the first
/// difference; then `N passed, N failed`. Nothing in it depends on the wall clock, so two replays
/// of the same files give the same bytes.
public enum ReplayReport {
    /// The report of `results`.
    public static func text(_ results: [ScenarioResult]) -> String {
        var lines = ["smarthub-sim replay: \(results.count) scenario\(results.count == 1 ? "" : "s")", ""]
        for result in results {
            lines.append("\(result.passed ? "PASS" : "FAIL")  \(result.file) — \(result.name)")
            if let setupError = result.setupError {
                lines.append("      could not start: \(setupError)")
                continue
            }
            for (index, step) in result.steps.enumerated() {
                switch step.outcome {
                case .passed: lines.append("      ok    \(index + 1). \(step.title)")
                case .skipped: lines.append("      skip  \(index + 1). \(step.title)")
                case .failed(let message): lines.append("      FAIL  \(index + 1). \(step.title): \(message)")
                }
            }
        }
        let passed = results.filter(\.passed).count
        lines += ["", "\(passed) passed, \(results.count - passed) failed"]
        return lines.joined(separator: "\n") + "\n"
    }
}
