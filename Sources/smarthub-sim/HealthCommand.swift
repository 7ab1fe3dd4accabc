import ArgumentParser
import Foundation
import SimReplay

/// `smarthub-sim health`: asks a running server for `GET /_sim/health`; exits 0 when it answers
/// 200, 1 otherwise. The container image's health check, so that the image needs no curl. With an
/// admin token (`--admin-token`, else `SMARTHUB_SIM_ADMIN_TOKEN`, as `serve` reads it) it sends
/// `Authorization: Bearer <token>`, which the control API then needs.
///
/// ```sh
/// smarthub-sim health                               # http://127.0.0.1:$SMARTHUB_SIM_PORT (8080 when unset)
/// smarthub-sim health --url http://sim.local:9090 --admin-token t0k
/// ```
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that a running server answers GET /_sim/health (exit 0 when it does, 1 when not)."
    )

    @Option(help: "The server's base URL. Default: http://127.0.0.1 and the port of SMARTHUB_SIM_PORT (8080 when unset).")
    var url: String?

    @Option(name: .customLong("admin-token"), help: "The server's admin token. Default: SMARTHUB_SIM_ADMIN_TOKEN, when set.")
    var adminToken: String?

    func run() async throws {
        let base =
            try url ?? "http://127.0.0.1:\(EnvironmentResolver().resolve(nil as Int?, option: "port", default: ServeCommand.defaultPort).value)"
        let token = try EnvironmentResolver().resolve(adminToken, option: "admin-token")?.value
        let client = ScenarioHTTPClient(baseURL: base)
        let answer: ScenarioHTTPClient.Answer
        do {
            answer = try await client.send("GET", "/_sim/health", headers: ScenarioHTTPClient.adminTokenHeaders(token))
        } catch {
            try? await client.shutdown()
            FileHandle.standardError.write(Data("smarthub-sim: \(base)/_sim/health did not answer: \(error)\n".utf8))
            throw ExitCode.failure
        }
        try? await client.shutdown()
        guard answer.status == 200 else {
            FileHandle.standardError.write(Data("smarthub-sim: \(base)/_sim/health answered \(answer.status): \(answer.text)\n".utf8))
            throw ExitCode.failure
        }
        print(answer.text)
    }
}
