import Foundation
import Hummingbird
import Logging
import Synchronization

/// A webhook receiver on a local port for the scenarios' pushes: answers 204 to every POST under
/// `/hook` and keeps each push, in the order received.
public final class PushReceiver: Sendable {
    private let received = Mutex<[JSON]>([])
    private let task = Mutex<Task<Void, any Error>?>(nil)

    /// A receiver, not listening yet.
    public init() {}

    /// Every push received so far, oldest first.
    public var pushes: [JSON] { received.withLock { $0 } }

    /// Starts listening on 127.0.0.1 on a free port; returns the URL to configure as webhook.
    public func start() async throws -> String {
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 4 << 20)
            if let push = JSON.parse(Data(body.readableBytesView)) { self.received.withLock { $0.append(push) } }
            return .noContent
        }
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "smarthub-sim-replay"),
                onServerRunning: { channel in continuation.resume(returning: channel.localAddress?.port ?? 0) },
                logger: .init(label: "smarthub-sim.replay.receiver", factory: { _ in SwiftLogNoOpLogHandler() }))
            task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        }
        return "http://127.0.0.1:\(port)/hook"
    }

    /// Stops listening.
    public func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = try? await running?.value
    }
}
