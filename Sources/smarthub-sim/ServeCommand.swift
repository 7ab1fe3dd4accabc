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
///
/// Every option may also come from an environment variable, `SMARTHUB_SIM_` and the option's name
/// (``EnvironmentResolver``); the options are optional here so that ``ServeSettings`` can tell
/// one given on the command line from one left to the environment or the default.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Smarthub API (/v1) and the control API (/_sim).",
        discussion: """
            Every option can also be set by an environment variable: SMARTHUB_SIM_ and the option's name in capitals, \
            dashes as underscores (--data-dir: SMARTHUB_SIM_DATA_DIR). An option on the command line wins over its \
            variable; an empty variable counts as unset. \(ServeSettings.seedDocumentVariable) may hold a seed document \
            itself (YAML or JSON) instead of SMARTHUB_SIM_SEED's path.
            """
    )

    /// The address listened on by default.
    static let defaultHost = "127.0.0.1"
    /// The port listened on by default.
    static let defaultPort = 8080

    @Option(name: .customLong("host"), help: ServeCommand.optionHelp("The address to listen on.", option: "host", default: ServeCommand.defaultHost))
    var host: String?

    @Option(
        name: .customLong("port"),
        help: ServeCommand.optionHelp("The port to listen on (0 picks a free one).", option: "port", default: "\(ServeCommand.defaultPort)"))
    var port: Int?

    @Option(
        name: .customLong("seed"),
        help: ServeCommand.optionHelp("A seed file (YAML or JSON).", option: "seed", default: "the embedded seed-data/default.yaml"))
    var seed: String?

    @Option(
        name: .customLong("clock"),
        help: ServeCommand.optionHelp(
            "How the simulator clock moves: manual (only when told) or real (with wall time).", option: "clock", default: "real"))
    var clock: ClockModeArgument?

    @Option(
        name: .customLong("clock-scale"),
        help: ServeCommand.optionHelp("Simulated seconds per wall second in real mode.", option: "clock-scale", default: "1"))
    var clockScale: Double?

    @Option(
        name: .customLong("admin-token"),
        help: ServeCommand.optionHelp("Require 'Authorization: Bearer <token>' on the control API.", option: "admin-token", default: nil))
    var adminToken: String?

    @Option(
        name: .customLong("allowed-hosts"),
        help: ServeCommand.optionHelp(
            "Host names (comma-separated; .domain for a domain and its subdomains; * for all) answered besides localhost, "
                + "127.0.0.1, [::1] and the listening address; on an address other than loopback, the only ones answered.",
            option: "allowed-hosts", default: "every host unless listening on loopback"))
    var allowedHosts: String?

    @Option(
        name: .customLong("log-level"),
        help: ServeCommand.optionHelp(
            "How much to log; info and below log one line per request.", option: "log-level", default: "info"))
    var logLevel: LogLevelArgument?

    @Option(
        name: .customLong("log-format"),
        help: ServeCommand.optionHelp(
            "text (one line per record, metadata as key=value) or json (one JSON object per line).", option: "log-format", default: "text"))
    var logFormat: LogFormat?

    @Option(
        name: .customLong("generate-sims"),
        help: ServeCommand.optionHelp(
            "Add this many generated SIMs to the demo enterprise (deterministic; for benchmarks and large demo worlds).",
            option: "generate-sims", default: "0"))
    var generatedSIMs: Int?

    @Option(
        name: .customLong("data-dir"),
        help: ServeCommand.optionHelp(
            "Keep the world in a SQLite database in this folder: loaded on start (the seed only when the folder is new), saved before every answer.",
            option: "data-dir", default: nil)
    )
    var dataDirectory: String?

    @Option(
        name: .customLong("journal-size"),
        help: ServeCommand.optionHelp(
            "How many requests of the public API the journal keeps (0: none).", option: "journal-size",
            default: "\(RequestJournal.defaultCapacity)"))
    var journalSize: Int?

    @Option(
        name: .customLong("journal-body-limit"),
        help: ServeCommand.optionHelp(
            "How many bytes of each request and response body the journal keeps.", option: "journal-body-limit",
            default: "\(RequestJournal.defaultBodyLimit)"))
    var journalBodyLimit: Int?

    /// An option's help: `text`, its environment variable and its default.
    static func optionHelp(_ text: String, option: String, default defaultValue: String?) -> ArgumentHelp {
        let variable = EnvironmentResolver.variableName(forOption: option)
        return ArgumentHelp(text + " (env: \(variable)" + (defaultValue.map { "; default: \($0))" } ?? ")"))
    }

    @Option(
        name: .customLong("idle-timeout"),
        help: ServeCommand.optionHelp(
            "Seconds a connection may stay idle (or send its request head too slowly) before it is closed; 0: never.",
            option: "idle-timeout", default: "\(ServeSettings.defaultIdleTimeoutSeconds)"))
    var idleTimeout: Double?

    func validate() throws {
        _ = try ServeSettings(command: self, resolver: EnvironmentResolver())
    }

    func run() async throws {
        let settings = try ServeSettings(command: self, resolver: EnvironmentResolver())
        var worldSeed: WorldSeed
        do {
            worldSeed = try Self.loadSeed(from: settings.seed)
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the seed was refused: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if settings.generatedSIMs > 0 { worldSeed.addGeneratedSIMs(settings.generatedSIMs) }
        var logger = Logger(label: "smarthub-sim", factory: settings.logFormat.makeHandler)
        logger.logLevel = settings.logLevel
        let wallClock = SystemWallClock()
        let transport = HTTPPushTransport(wallClock: wallClock)
        // A data folder that holds a world is loaded instead of building the seed's (which stays what a reset returns to).
        let opened: (store: WorldStore, state: WorldState?)?
        do {
            opened = try await settings.dataDirectory.asyncMap { directory in
                let store = try WorldStore(directory: directory)
                return (store, try await store.loadAsync(resumingAt: wallClock.nowMilliseconds()))
            }
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the data folder \(settings.dataDirectory ?? "") cannot be used: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let simulator = Simulator(
            seed: worldSeed, clockMode: settings.clock.mode, clockScale: settings.clockScale, wallClock: wallClock, pushTransport: transport,
            state: opened?.state)
        let saver: WorldSaver?
        do {
            saver = try await opened.asyncMap { opened in
                try await Self.saver(of: opened.store, for: simulator, restored: opened.state != nil, wallClock: wallClock)
            }
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the data folder \(settings.dataDirectory ?? "") cannot be used: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let configuration = ServerConfiguration(
            host: settings.host, port: settings.port, adminToken: settings.adminToken, allowedHosts: settings.allowedHosts,
            idleTimeout: settings.idleTimeoutSeconds > 0 ? .milliseconds(Int64(settings.idleTimeoutSeconds * 1000)) : nil)
        if let warning = configuration.accessPolicy.exposureWarning { logger.warning("\(warning)") }
        let journal = RequestJournal(capacity: settings.journalSize, bodyLimit: settings.journalBodyLimit)
        let app = buildApplication(
            simulator: simulator, configuration: configuration, wallClock: wallClock, logger: logger, journal: journal, saver: saver
        ) { port in
            let banner = StartupBanner(
                simulator: simulator, host: configuration.host, port: port, dataDirectory: settings.dataDirectory,
                exposureWarning: configuration.accessPolicy.exposureWarning
            ).text
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
    /// The world seed of `source`.
    static func loadSeed(from source: ServeSettings.SeedSource) throws -> WorldSeed {
        switch source {
        case .embedded: try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "seed-data/default.yaml (embedded)")
        case .file(let path): try SeedLoader.load(fileAt: path)
        case .document(let text, let variable): try SeedLoader.load(yaml: text, source: variable)
        }
    }

    /// The saver of `simulator` into `store`: when the simulator was `restored` from the store,
    /// with the store's snapshots; otherwise after writing the seed's world into the new store.
    static func saver(of store: WorldStore, for simulator: Simulator, restored: Bool, wallClock: any WallClock) async throws -> WorldSaver {
        let saver = WorldSaver(simulator: simulator, store: store, wallMilliseconds: { wallClock.nowMilliseconds() })
        if restored {
            simulator.loadSnapshots(try store.loadSnapshots())
            saver.markSaved()
        }
        try await saver.save()
        return saver
    }
}

extension Optional {
    /// Like `map`, for an async transform.
    func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let self else { return nil }
        return try await transform(self)
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

    static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
}
