import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// Hummingbird alone, answering `GET /sim.json` with one file's bytes: the ceiling of the HTTP
/// stack the simulator is built on. `bench/run` measures it beside nginx and the simulator.
///
/// ```
/// hummingbird-floor sim.json                         # tasks on Swift concurrency's pool
/// hummingbird-floor sim.json --event-loop-executor   # tasks on the event loops, as the simulator runs
/// ```
/// It prints `ready on http://127.0.0.1:PORT` once listening.
@main
enum HummingbirdFloor {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: hummingbird-floor FILE [--event-loop-executor]\n".utf8))
            exit(2)
        }
        if arguments.contains("--event-loop-executor") {
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: arguments[1])))
        let router = Router()
        router.get("sim.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
        var logger = Logger(label: "hummingbird-floor")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("ready on http://127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }
}
