import Logging
import ServiceLifecycle
import SimStore

/// With `--data-dir`: saves, every second, what changed without a request (work run by the real
/// clock, push answers), and once more on shutdown.
public struct PersistenceService: Service {
    let saver: WorldSaver
    let logger: Logger

    /// A service saving through `saver`.
    public init(saver: WorldSaver, logger: Logger) {
        self.saver = saver
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await Task.sleep(for: .seconds(1))
            } catch {
                break
            }
            save()
        }
        save()
    }

    private func save() {
        do {
            try saver.save()
        } catch {
            logger.error("the world could not be saved", metadata: ["error": "\(error)"])
        }
    }
}
