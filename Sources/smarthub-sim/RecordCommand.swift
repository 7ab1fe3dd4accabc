import ArgumentParser
import Foundation
import SimReplay

/// `smarthub-sim record --server URL --out FILE`: turns the server's request journal into a
/// scenario file that replays to the same results.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Write the request journal of a running server as a scenario file.",
        discussion: """
            Each request of the public API becomes a step expecting the status and body it got; ids an answer gave \
            (jobId, smsMsgId, …) are captured and used where later requests name them; the clock advances to each new \
            time. Control calls are not in the journal: add sessions, MO SMS or faults to the file by hand.
            """
    )

    @Option(help: "The server's base URL, e.g. http://127.0.0.1:8080.")
    var server: String

    @Option(help: "The scenario file to write.")
    var out: String

    @Option(help: "Only this enterprise's requests. Default: every request in the journal.")
    var enterprise: String?

    @Option(help: "The scenario's name. Default: 'Recorded from <server>'.")
    var name: String?

    @Option(name: .customLong("admin-token"), help: "The server's admin token, when it has one.")
    var adminToken: String?

    func run() async throws {
        let client = ScenarioHTTPClient(baseURL: server)
        let headers = ScenarioHTTPClient.adminTokenHeaders(adminToken)
        let answer: ScenarioHTTPClient.Answer
        do {
            answer = try await client.send("GET", "/_sim/requests", query: enterprise.map { ["enterpriseName": $0] } ?? [:], headers: headers)
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
        guard answer.status == 200, case .array(let entries)? = answer.body?.object?["requests"] else {
            FileHandle.standardError.write(Data("smarthub-sim: the journal could not be read: \(answer.status) \(answer.text)\n".utf8))
            throw ExitCode(2)
        }
        let scenario = ScenarioRecorder.scenario(fromJournal: entries, name: name ?? "Recorded from \(server)")
        try ScenarioRecorder.yaml(scenario, source: server).write(toFile: out, atomically: true, encoding: .utf8)
        FileHandle.standardOutput.write(Data("wrote \(scenario.steps.count) steps from \(entries.count) requests to \(out)\n".utf8))
    }
}
