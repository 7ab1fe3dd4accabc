/// Facts about this build of the server.
public enum ServerInfo {
    /// The version reported by `GET /_sim/health`.
    public static let version = "0.1.0"
}
