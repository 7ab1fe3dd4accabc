import ArgumentParser
import Foundation
import SimCore
import SimReplay
import SimResources
import SimSeed

/// `smarthub-sim replay FILE…`: runs scenario files against a simulator of its own (or a server)
/// and reports each scenario; exits 1 when any fails.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay scenario files and check their expectations (scenarios/README.md).",
        discussion: """
            Each scenario runs in an enterprise of its own, created afresh from its template. Without --server the \
            scenarios run against a simulator of the replay's own, on the seed (the default one unless --seed), with a \
            manual clock reset before each scenario: the same files give the same report, byte for byte.
            """
    )

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String]

    @Option(help: "Run against the server at this base URL instead (e.g. http://127.0.0.1:8080); start it with --clock manual.")
    var server: String?

    @Option(help: "The seed of the replay's own simulator. Default: the embedded seed-data/default.yaml.")
    var seed: String?

    @Option(help: "Write a JUnit XML report to this file too.")
    var junit: String?

    @Option(name: .customLong("admin-token"), help: "The server's admin token, when it has one.")
    var adminToken: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one scenario file") }
        if server != nil, seed != nil { throw ValidationError("--seed is for the replay's own simulator, not for --server") }
    }

    func run() async throws {
        let ownServer = server == nil ? InProcessServer() : nil
        let receiver = PushReceiver()
        var results: [ScenarioResult] = []
        do {
            let baseURL = try await ownServer?.start(seed: try loadSeed()) ?? server!
            let webhookURL = try await receiver.start()
            let client = ScenarioHTTPClient(baseURL: baseURL)
            let runner = ScenarioRunner(
                client: client, receiver: receiver, webhookURL: webhookURL, resetsWorld: ownServer != nil, adminToken: adminToken)
            for file in files {
                do {
                    results.append(await runner.run(try ScenarioLoader.load(fileAt: file), file: file))
                } catch {
                    results.append(ScenarioResult(file: file, name: "(unreadable)", steps: [], setupError: error.message))
                }
            }
            try await client.shutdown()
        } catch {
            await receiver.stop()
            await ownServer?.stop()
            throw error
        }
        await receiver.stop()
        await ownServer?.stop()
        FileHandle.standardOutput.write(Data(ReplayReport.text(results).utf8))
        if let junit { try JUnitReport.xml(results).write(toFile: junit, atomically: true, encoding: .utf8) }
        if !results.allSatisfy(\.passed) { throw ExitCode(1) }
    }

    private func loadSeed() throws -> WorldSeed {
        do {
            return try seed.map { try SeedLoader.load(fileAt: $0) }
                ?? SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "seed-data/default.yaml (embedded)")
        } catch {
            FileHandle.standardError.write(Data("smarthub-sim: the seed was refused: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
