/// The problems found while decoding one part of a seed document, thrown up to the enclosing entry.
///
/// Entries decode every key they can and report all that is wrong, so one bad value does not
/// hide the next; this error carries those reports to the loader.
struct SeedProblems: Error {
    /// The problems, in document order.
    var problems: [SeedProblem]

    /// A list of problems.
    init(_ problems: [SeedProblem]) {
        self.problems = problems
    }
}
