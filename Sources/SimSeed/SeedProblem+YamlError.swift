import Yams

extension SeedProblem {
    /// The problem a YAML syntax error describes, on its line.
    init(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text), line \($0.mark.line))" } ?? ""
            self.init(path: "", message: "YAML syntax error at column \(mark.column): \(problem)\(while_)", line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init(path: "", message: "YAML syntax error: duplicate key \(keys) in one mapping", line: context.mark.line)
        case .reader(let problem, _, _, _):
            self.init(path: "", message: "YAML syntax error: \(problem)")
        default:
            self.init(path: "", message: "YAML error: \(error)")
        }
    }
}
