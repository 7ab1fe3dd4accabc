/// A data pool shared by the SIMs of an account whose basic plan draws from it.
public struct SharePool: Equatable, Sendable, Codable {
    public var name: String
    public var accountName: String
    public var quotaBytes: Int64

    /// A pool with every field given.
    public init(name: String, accountName: String, quotaBytes: Int64) {
        self.name = name
        self.accountName = accountName
        self.quotaBytes = quotaBytes
    }
}
