import Synchronization

@testable import SimCore

/// A push transport for tests: answers each attempt with the next status of a script (200 once
/// the script is used up, or a refused connection for `nil`) and records every request.
final class ScriptedPushTransport: PushTransport {
    private let state: Mutex<(script: [Int?], scriptsBySIM: [String: [Int?]], requests: [PushRequest])>

    /// A transport answering `script` in order, then 200; a push about a SIM in `scriptsBySIM`
    /// gets that SIM's own script first (attempts made together then answer the same in any order).
    init(_ script: [Int?] = [], scriptsBySIM: [String: [Int?]] = [:]) {
        state = Mutex((script, scriptsBySIM, []))
    }

    /// Every request received, in the order answered.
    var requests: [PushRequest] { state.withLock { $0.requests } }

    func send(_ request: PushRequest) async -> PushOutcome {
        let status: Int? = state.withLock { state in
            state.requests.append(request)
            if let answer = state.scriptsBySIM[request.event.giccid]?.first {
                state.scriptsBySIM[request.event.giccid]!.removeFirst()
                return answer
            }
            return state.script.isEmpty ? 200 : state.script.removeFirst()
        }
        return status.map { PushOutcome(httpStatus: $0, error: nil) } ?? PushOutcome(httpStatus: nil, error: "connection refused")
    }
}
