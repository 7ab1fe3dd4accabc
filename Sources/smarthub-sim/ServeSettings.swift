import ArgumentParser
import Foundation
import Logging
import SimCore
import SimHTTP

/// The settings of `serve`, each from its command-line option, else its environment variable
/// (`SMARTHUB_SIM_PORT`, …), else its default, and checked: a refusal names the option or the
/// variable to change.
///
/// ```swift
/// let command = try ServeCommand.parse(["--port", "9090"])
/// let settings = try ServeSettings(command: command, resolver: EnvironmentResolver(environment: ["SMARTHUB_SIM_CLOCK": "manual"]))
/// settings.port    // 9090
/// settings.clock   // .manual
/// ```
struct ServeSettings {
    /// The variable that may hold a seed document itself (YAML or JSON), instead of a path.
    static let seedDocumentVariable = "SMARTHUB_SIM_SEED_YAML"

    /// Where the seed comes from.
    enum SeedSource: Equatable {
        /// The default seed built into the binary.
        case embedded
        /// A file, by path.
        case file(path: String)
        /// A document held by the environment variable `variable`.
        case document(text: String, variable: String)
    }

    var host: String
    var port: Int
    var seed: SeedSource
    var clock: ClockModeArgument
    var clockScale: Double
    var adminToken: String?
    /// The names of `--allowed-hosts`, nil when not given.
    var allowedHosts: [String]?
    var logLevel: Logger.Level
    var logFormat: LogFormat
    var generatedSIMs: Int
    var dataDirectory: String?
    var journalSize: Int
    var journalBodyLimit: Int
    /// Seconds a connection may stay idle before it is closed; 0: never.
    var idleTimeoutSeconds: Double

    /// The idle timeout when none is given.
    static let defaultIdleTimeoutSeconds = Double(ServerConfiguration.defaultIdleTimeout.components.seconds)

    /// Resolves and checks every setting of `command`.
    /// - Throws: `ValidationError` naming the option or variable of a value that is not allowed.
    init(command: ServeCommand, resolver: EnvironmentResolver) throws {
        do {
            host = try resolver.resolve(command.host, option: "host", default: ServeCommand.defaultHost).value
            let port = try resolver.resolve(command.port, option: "port", default: ServeCommand.defaultPort)
            try port.require((0...65535).contains(port.value), "be between 0 and 65535")
            self.port = port.value
            seed = try Self.seedSource(command: command, resolver: resolver)
            clock = try resolver.resolve(command.clock, option: "clock", default: .real).value
            let clockScale = try resolver.resolve(command.clockScale, option: "clock-scale", default: 1.0)
            try clockScale.require(clockScale.value > 0 && clockScale.value.isFinite, "be a number above 0")
            self.clockScale = clockScale.value
            adminToken = try Self.adminToken(command: command, resolver: resolver)
            allowedHosts = try Self.allowedHosts(command: command, resolver: resolver)
            logLevel = try resolver.resolve(command.logLevel, option: "log-level", default: .info).value.level
            logFormat = try resolver.resolve(command.logFormat, option: "log-format", default: .text).value
            let generatedSIMs = try resolver.resolve(command.generatedSIMs, option: "generate-sims", default: 0)
            try generatedSIMs.require((0...SIMFleet.maximumCount).contains(generatedSIMs.value), "be between 0 and \(SIMFleet.maximumCount)")
            self.generatedSIMs = generatedSIMs.value
            dataDirectory = try resolver.resolve(command.dataDirectory, option: "data-dir")?.value
            let journalSize = try resolver.resolve(command.journalSize, option: "journal-size", default: RequestJournal.defaultCapacity)
            try journalSize.require(journalSize.value >= 0, "be 0 or more")
            self.journalSize = journalSize.value
            let journalBodyLimit = try resolver.resolve(
                command.journalBodyLimit, option: "journal-body-limit", default: RequestJournal.defaultBodyLimit)
            try journalBodyLimit.require(journalBodyLimit.value >= 0, "be 0 or more")
            self.journalBodyLimit = journalBodyLimit.value
            let idleTimeout = try resolver.resolve(command.idleTimeout, option: "idle-timeout", default: Self.defaultIdleTimeoutSeconds)
            try idleTimeout.require((0...86_400).contains(idleTimeout.value), "be between 0 and 86400 seconds")
            idleTimeoutSeconds = idleTimeout.value
        } catch let error as EnvironmentValueError {
            throw ValidationError(error.description)
        }
    }

    /// `--admin-token`, else its variable; an empty token (or one no request could send) is refused
    /// rather than taken for "no token", since its author meant to close the control API.
    private static func adminToken(command: ServeCommand, resolver: EnvironmentResolver) throws -> String? {
        let variable = EnvironmentResolver.variableName(forOption: "admin-token")
        let (token, name): (String?, String) =
            command.adminToken.map { ($0, "--admin-token") } ?? (resolver.environment[variable], variable)
        guard let token else { return nil }
        guard !token.isEmpty else {
            throw ValidationError("\(name) is empty: give a token, or leave it out to run without one")
        }
        let sendable = token.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F } && token.count <= 1024
        guard sendable else {
            throw ValidationError(
                "\(name) must be 1 to 1024 visible ASCII characters without spaces (the Authorization header that sends it holds nothing else)")
        }
        return token
    }

    /// `--allowed-hosts`, else its variable: a comma-separated list of host names, `.domain` or `*`.
    private static func allowedHosts(command: ServeCommand, resolver: EnvironmentResolver) throws -> [String]? {
        guard let setting = try resolver.resolve(command.allowedHosts, option: "allowed-hosts") else { return nil }
        let entries = setting.value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        try setting.require(entries.count <= 100, "name at most 100 hosts")
        for entry in entries {
            if let problem = HostAllowList.problem(withAllowedHost: entry) {
                throw ValidationError("\(setting.origin.name): \(problem)")
            }
        }
        return entries
    }

    /// `--seed`, else `SMARTHUB_SIM_SEED` (a path) or `SMARTHUB_SIM_SEED_YAML` (a document), but not both.
    private static func seedSource(command: ServeCommand, resolver: EnvironmentResolver) throws -> SeedSource {
        if let path = command.seed { return .file(path: path) }
        let pathVariable = EnvironmentResolver.variableName(forOption: "seed")
        switch (resolver.text(ofVariable: pathVariable), resolver.text(ofVariable: seedDocumentVariable)) {
        case (let path?, nil): return .file(path: path)
        case (nil, let text?): return .document(text: text, variable: seedDocumentVariable)
        case (nil, nil): return .embedded
        case (_?, _?): throw ValidationError("set only one of \(pathVariable) (a seed file) and \(seedDocumentVariable) (a seed document)")
        }
    }
}
