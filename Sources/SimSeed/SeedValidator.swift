import SimCore

/// Checks a decoded seed document against the rules of seed-data/README.md ("Validation") that
/// decoding alone does not: the version, uniqueness, references between entries, identifier
/// formats, limits and times.
///
/// ```swift
/// let problems = SeedValidator.problems(in: document)   // empty when the seed is valid
/// ```
struct SeedValidator {
    /// The only format version there is.
    static let supportedVersion = 1

    /// The problems found, in document order.
    private(set) var problems: [SeedProblem] = []
    /// The document's start time: no time may be after it.
    let startTime: Timestamp

    /// A validator for a document starting at `startTime`.
    init(startTime: Timestamp) {
        self.startTime = startTime
    }

    /// Every problem of `document`; empty when it is valid.
    static func problems(in document: SeedDocument) -> [SeedProblem] {
        var validator = SeedValidator(startTime: document.startTime)
        validator.check(document)
        return validator.problems
    }

    /// Checks the document and all its enterprises.
    mutating func check(_ document: SeedDocument) {
        if document.version != Self.supportedVersion {
            report("", key: "version", "the format version must be \(Self.supportedVersion), got \(document.version)", document.location)
        }
        if document.enterprises.isEmpty {
            report("", key: "enterprises", "a seed has at least one enterprise", document.location)
        }
        var pathByName: [String: String] = [:]
        var pathByAPIKey: [String: String] = [:]
        for (index, enterprise) in document.enterprises.enumerated() {
            let path = SeedPath.appending(index: index, to: "enterprises")
            if let problem = EnterpriseRules.problem(withName: enterprise.name) {
                report(path, key: "name", problem, enterprise.location)
            } else if let first = pathByName[enterprise.name] {
                report(path, key: "name", "the enterprise name '\(enterprise.name)' is already used by \(first)", enterprise.location)
            } else {
                pathByName[enterprise.name] = path
            }
            if let problem = EnterpriseRules.problem(withAPIKey: enterprise.apiKey) {
                report(path, key: "apiKey", problem, enterprise.location)
            } else if let first = pathByAPIKey[enterprise.apiKey] {
                report(path, key: "apiKey", "this API key is already used by \(first)", enterprise.location)
            } else {
                pathByAPIKey[enterprise.apiKey] = path
            }
            check(enterprise, at: path)
        }
    }

    /// Checks one enterprise: its time, accounts, pools, packages and SIMs.
    mutating func check(_ enterprise: EnterpriseEntry, at path: String) {
        checkTime(enterprise.createdTime, key: "createdTime", of: path, enterprise.location)
        if enterprise.accounts.isEmpty {
            report(path, key: "accounts", "an enterprise has at least one account", enterprise.location)
        }
        let catalog = checkAccounts(of: enterprise, at: path)
        checkSIMs(of: enterprise, at: path, catalog: catalog)
    }

    /// Records a problem about `key` of the entry at `path` (or the entry itself when `key` is nil).
    mutating func report(_ path: String, key: String?, _ message: String, _ location: EntryLocation) {
        let problemPath = key.map { SeedPath.appending($0, to: path) } ?? path
        let line = key.map(location.line(of:)) ?? location.line
        problems.append(SeedProblem(path: problemPath, message: message, line: line))
    }

    /// Refuses a time after the start time.
    mutating func checkTime(_ time: Timestamp?, key: String, of path: String, _ location: EntryLocation) {
        guard let time, time > startTime else { return }
        report(path, key: key, "\(time.smarthubString) is after startTime \(startTime.smarthubString)", location)
    }

    /// Refuses a negative amount.
    mutating func checkNotNegative(_ value: Int64?, key: String, of path: String, _ location: EntryLocation) {
        guard let value, value < 0 else { return }
        report(path, key: key, "must not be negative, got \(value)", location)
    }
}
