import Logging
import ServiceLifecycle
import SimStore

/// With `--data-dir`: saves, every second, what changed without a request (work run by the real
/// clock, push answers), and once more on shutdown; while the data folder cannot be written, tries
/// it again every second. The second is measured on `clock`.
public struct PersistenceService: Service {
    let saver: WorldSaver
    let logger: Logger
    let clock: any Clock<Duration>

    /// A service saving through `saver`, once a second of `clock`.
    public init(saver: WorldSaver, logger: Logger, clock: any Clock<Duration> = ContinuousClock()) {
        self.saver = saver
        self.logger = logger
        self.clock = clock
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await clock.sleep(for: .seconds(1))
            } catch {
                break
            }
            await save()
        }
        await save()
    }

    private func save() async {
        if saver.isUnavailable {
            if await saver.recover() { logger.notice("the data folder can be written again") }
            return
        }
        do {
            try await saver.save()
        } catch {
            logger.error("the world could not be saved", metadata: ["error": "\(error)"])
        }
    }
}
