import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SimCore
import SimHTTP
import SimPush
import SimResources
import SimSeed
import SimStore

/// `smarthub-sim serve`: loads a seed and serves the API until stopped.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Smarthub API (/v1) and the control API (/_sim)."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "A seed file (YAML or JSON). Default: the embedded seed-data/default.yaml.")
    var seed: String?

    @Option(help: "How the simulator clock moves: manual (only when told) or real (with wall time).")
    var clock: ClockModeArgument = .real

    @Option(name: .customLong("clock-scale"), help: "Simulated seconds per wall second in real mode.")
    var clockScale: Double = 1

    @Option(name: .customLong("admin-token"), help: "Require 'Authorization: Bearer <token>' on the control API.")
    var adminToken: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevelArgument = .info

    @Option(
        name: .customLong("generate-sims"),
        help: "Add this many generated SIMs to the demo enterprise (deterministic; for benchmarks and large demo worlds).")
    var generatedSIMs = 0

    @Option(
        name: .customLong("data-dir"),
        help: "Keep the world in a SQLite database in this folder: loaded on start (the seed only when the folder is new), saved before every answer."
    )
    var dataDirectory: String?

    @Option(name: .customLong("journal-size"), help: "How many requests of the public API the journal keeps (0: none).")
    var journalSize = RequestJournal.defaultCapacity

    @Option(name: .customLong("journal-body-limit"), help: "How many bytes of each request and response body the journal keeps.")
    var journalBodyLimit = RequestJournal.defaultBodyLimit

    @Option(
        name: .customLong("idle-timeout"),
        help: "Seconds a connection may stay idle (or send its request head too slowly) before it is closed; 0: never.")
    var idleTimeout: Double = Double(ServerConfiguration.defaultIdleTimeout.components.seconds)

    func validate() throws {
        guard clockScale > 0, clockScale.isFinite else { throw ValidationError("--clock-scale must be a number above 0") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (0...SIMFleet.maximumCount).contains(generatedSIMs) else {
            throw ValidationError("--generate-sims must be between 0 and \(SIMFleet.maximumCount)")
        }
        guard journalSize >= 0 else { throw ValidationError("--journal-size must be 0 or more") }
        guard journalBodyLimit >= 0 else { throw ValidationError("--journal-body-limit must be 0 or more") }
        guard (0...86_400).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 0 and 86400 seconds") }
    }

    func run() async throws {
        var worldSeed: WorldSeed
        do {
            worldSeed =
                try seed.map { try SeedLoader.load(fileAt: $0) }
                ?? SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "seed-data/default.yaml (embedded)")
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the seed was refused: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if generatedSIMs > 0 {
            worldSeed.enterprises[0].sims += SIMFleet.generate(generatedSIMs, for: worldSeed.enterprises[0], before: worldSeed.startTime)
        }
        var logger = Logger(label: "smarthub-sim")
        logger.logLevel = logLevel.level
        let wallClock = SystemWallClock()
        let transport = HTTPPushTransport()
        let simulator = Simulator(
            seed: worldSeed, clockMode: clock.mode, clockScale: clockScale, wallClock: wallClock, pushTransport: transport)
        let saver: WorldSaver?
        do {
            saver = try dataDirectory.map { directory in try Self.openStore(at: directory, for: simulator) }
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the data folder \(dataDirectory ?? "") cannot be used: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let configuration = ServerConfiguration(
            host: host, port: port, adminToken: adminToken, idleTimeout: idleTimeout > 0 ? .milliseconds(Int64(idleTimeout * 1000)) : nil)
        let journal = RequestJournal(capacity: journalSize, bodyLimit: journalBodyLimit)
        let app = buildApplication(
            simulator: simulator, configuration: configuration, wallClock: wallClock, logger: logger, journal: journal, saver: saver
        ) { port in
            let banner = StartupBanner(simulator: simulator, host: configuration.host, port: port, dataDirectory: dataDirectory).text
            FileHandle.standardOutput.write(Data((banner + "\n").utf8))
        }
        do {
            try await app.runService()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }
}

extension ServeCommand {
    /// Opens the store in `directory`: loads the world it holds into `simulator`, or, when it is
    /// new, saves the seed's world into it. Returns the saver of later changes.
    static func openStore(at directory: String, for simulator: Simulator) throws -> WorldSaver {
        let store = try WorldStore(directory: directory)
        if let state = try store.load() { simulator.importState(state) }
        simulator.loadSnapshots(try store.loadSnapshots())
        let saver = try WorldSaver(simulator: simulator, store: store)
        try saver.save()
        return saver
    }
}

/// The `--clock` values.
enum ClockModeArgument: String, ExpressibleByArgument, CaseIterable {
    case manual, real

    var mode: ClockMode { self == .manual ? .manual : .real }
}

/// The `--log-level` values.
struct LogLevelArgument: ExpressibleByArgument {
    static let info = LogLevelArgument(level: .info)
    let level: Logger.Level

    init(level: Logger.Level) { self.level = level }

    init?(argument: String) {
        guard let level = Logger.Level(rawValue: argument) else { return nil }
        self.level = level
    }
}
