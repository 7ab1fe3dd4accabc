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
            manual clock reset before each scenario: the same files give the same report, byte for byte. With \
            --jobs N, up to N scenarios run at once, each in an enterprise with a clock of its own (starting at the \
            seed's time after one reset), and the report is the same as a serial run's.
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

    @Option(help: "How many scenarios run at once (1 to 64), each with a clock of its own when above 1.")
    var jobs: Int = 1

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one scenario file") }
        if server != nil, seed != nil { throw ValidationError("--seed is for the replay's own simulator, not for --server") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs is 1 to 64") }
    }

    func run() async throws {
        let ownServer = server == nil ? InProcessServer() : nil
        let receiver = PushReceiver()
        var results: [ScenarioResult] = []
        do {
            let baseURL = try await ownServer?.start(seed: try loadSeed()) ?? server!
            let webhookURL = try await receiver.start()
            let client = ScenarioHTTPClient(baseURL: baseURL)
            if jobs == 1 {
                let runner = ScenarioRunner(
                    client: client, receiver: receiver, webhookURL: webhookURL, resetsWorld: ownServer != nil, adminToken: adminToken)
                for file in files { results.append(await Self.run(file, with: runner)) }
            } else {
                let runner = ScenarioRunner(
                    client: client, receiver: receiver, webhookURL: webhookURL, resetsWorld: false, adminToken: adminToken, ownClocks: true)
                if ownServer != nil { try await runner.resetWorld() }
                results = await Self.run(files, with: runner, jobs: jobs)
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

    /// Reads and runs one scenario file.
    private static func run(_ file: String, with runner: ScenarioRunner) async -> ScenarioResult {
        do {
            return await runner.run(try ScenarioLoader.load(fileAt: file), file: file)
        } catch {
            return ScenarioResult(file: file, name: "(unreadable)", steps: [], setupError: error.message)
        }
    }

    /// Runs the files up to `jobs` at once; the results come in the files' order. Files whose
    /// scenarios share an enterprise name run one after another, in their order.
    private static func run(_ files: [String], with runner: ScenarioRunner, jobs: Int) async -> [ScenarioResult] {
        var groups: [[Int]] = []
        var groupByEnterprise: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            let enterprise = ScenarioRunner.enterpriseName(forFile: file)
            if let group = groupByEnterprise[enterprise] {
                groups[group].append(index)
            } else {
                groupByEnterprise[enterprise] = groups.count
                groups.append([index])
            }
        }
        var results = [ScenarioResult?](repeating: nil, count: files.count)
        await withTaskGroup(of: [(Int, ScenarioResult)].self) { group in
            var next = 0
            func startNext() {
                guard next < groups.count else { return }
                let members = groups[next]
                next += 1
                group.addTask {
                    var done: [(Int, ScenarioResult)] = []
                    for index in members { done.append((index, await run(files[index], with: runner))) }
                    return done
                }
            }
            for _ in 0..<min(jobs, groups.count) { startNext() }
            for await done in group {
                for (index, result) in done { results[index] = result }
                startNext()
            }
        }
        return results.compactMap { $0 }
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
