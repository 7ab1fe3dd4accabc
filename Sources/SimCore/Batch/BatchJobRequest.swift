/// What a batch POST asks for: one kind of change for a list of SIMs.
public struct BatchJobRequest: Equatable, Sendable {
    /// The most SIMs one job may hold.
    public static let maximumSIMs = 10_000

    public var kind: BatchJob.Kind
    public var giccids: [String]
    /// The target basic plan, for `MODIFY_QUOTA_PLAN` only.
    public var servicePackageName: String?

    /// A request with every part given.
    public init(kind: BatchJob.Kind, giccids: [String], servicePackageName: String? = nil) {
        self.kind = kind
        self.giccids = giccids
        self.servicePackageName = servicePackageName
    }

    /// Refuses an empty list, more than ``maximumSIMs`` SIMs, and repeated giccids (naming each repeat).
    func validateList() throws(SimError) {
        guard !giccids.isEmpty else {
            throw .rejected("BatchJob", field: "giccids", code: .invalid, message: "give at least one giccid")
        }
        guard giccids.count <= Self.maximumSIMs else {
            throw .rejected(
                "BatchJob", field: "giccids", code: .invalid,
                message: "a batch job holds at most \(Self.maximumSIMs) SIMs, not \(giccids.count)")
        }
        var firstIndex: [String: Int] = [:]
        var issues: [SimError.Issue] = []
        for (index, giccid) in giccids.enumerated() {
            if let first = firstIndex[giccid] {
                issues.append(
                    .init(resource: "BatchJob", field: "giccids[\(index)]", code: .invalid, message: "\(giccid) repeats giccids[\(first)]"))
            } else {
                firstIndex[giccid] = index
            }
        }
        if !issues.isEmpty { throw SimError(.rejected, issues) }
    }
}
