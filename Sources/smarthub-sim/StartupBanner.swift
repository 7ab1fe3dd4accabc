import SimCore
import SimHTTP

/// What the server prints once it listens: where to point a client, and with which key.
/// Its first line is the ready signal to wait for (`smarthub-sim ready on …`, the log wait of
/// Testcontainers): it is printed once the listening socket is bound (Hummingbird's
/// `onServerRunning`), so a connection made after it is accepted.
struct StartupBanner {
    let simulator: Simulator
    let host: String
    let port: Int
    /// The data folder the world is kept in, when there is one.
    var dataDirectory: String?
    /// What is open to anyone who reaches the port, when the control API is.
    var exposureWarning: String?

    var text: String {
        let base = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let demo = simulator.seed.demoEnterprise.enterprise
        let clock = simulator.clockReading()
        return """
            smarthub-sim ready on \(base)
              Smarthub API base URL: \(base)/v1
              Demo enterprise:       \(demo.name)
              X-API-Key:             \(demo.apiKey)
              Control API:           \(base)/_sim  (clock \(clock.mode.rawValue), now \(clock.now.smarthubString))
              Dashboard:             \(base)/_sim/ui
              Contracts:             \(base)/v1/openapi.yaml  \(base)/_sim/openapi.yaml
            """ + (dataDirectory.map { "\n  Data folder:           \($0) (saved before every answer)" } ?? "")
                + (exposureWarning.map { "\n  WARNING:               \($0)" } ?? "")
    }
}
