/// A customer of the platform: it owns accounts, and its API key reaches only its own objects.
public struct Enterprise: Equatable, Sendable, Codable {
    /// Whether the enterprise can be used.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case enabled = "ENABLED"
        case disabled = "DISABLED"
    }

    public var name: String
    public var apiKey: String
    public var status: Status
    public var createdTime: Timestamp

    /// An enterprise with every field given.
    public init(name: String, apiKey: String, status: Status = .enabled, createdTime: Timestamp) {
        self.name = name
        self.apiKey = apiKey
        self.status = status
        self.createdTime = createdTime
    }
}
