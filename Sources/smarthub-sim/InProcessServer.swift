import Foundation
import Hummingbird
import Logging
import SimCore
import SimHTTP
import SimPush
import Synchronization

/// A simulator of the replay's own: the seed's world with a manual clock, served on a free
/// loopback port for as long as the replay runs.
final class InProcessServer: Sendable {
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    private let transport = HTTPPushTransport()

    /// Starts serving `seed`; returns the base URL.
    func start(seed: WorldSeed) async throws -> String {
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: SystemWallClock(), pushTransport: transport)
        let logger = Logger(label: "smarthub-sim.replay.server", factory: { _ in SwiftLogNoOpLogHandler() })
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let app = buildApplication(
                simulator: simulator, configuration: ServerConfiguration(host: "127.0.0.1", port: 0), wallClock: SystemWallClock(),
                logger: logger
            ) { port in continuation.resume(returning: port) }
            task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        }
        return "http://127.0.0.1:\(port)"
    }

    /// Stops serving.
    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = try? await running?.value
        try? await transport.shutdown()
    }
}
