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

    /// True for 19 or 20 ASCII digits: the shape of an ICCID (an unknown one of that shape is a failed task, not a refusal).
    static func hasICCIDShape(_ giccid: String) -> Bool {
        (19...20).contains(giccid.utf8.count) && giccid.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Refuses an empty list, more than ``maximumSIMs`` SIMs, giccids that are not 19 or 20 digits,
    /// and repeated giccids (naming each repeat).
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
            if !Self.hasICCIDShape(giccid) {
                // The value is not echoed: it may be of any length.
                issues.append(.init(resource: "BatchJob", field: "giccids[\(index)]", code: .invalid, message: "a giccid is 19 or 20 digits"))
            } else if let first = firstIndex[giccid] {
                issues.append(
                    .init(resource: "BatchJob", field: "giccids[\(index)]", code: .invalid, message: "\(giccid) repeats giccids[\(first)]"))
            } else {
                firstIndex[giccid] = index
            }
        }
        if !issues.isEmpty { throw SimError(.rejected, issues) }
    }
}
