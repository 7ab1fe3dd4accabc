import Foundation
import Hummingbird
import SimCore
import SimSeed

/// `GET|PUT /_sim/state` and `/_sim/state/snapshots`: the whole world as one document, loaded
/// back exactly, and named snapshots kept by the server.
struct StateController {
    let simulator: Simulator

    /// The largest state document accepted by `PUT /_sim/state`, in bytes (256 MiB).
    static let maximumDocumentBytes = 256 << 20

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "state") { _, _ in
            let data = try JSONCoding.encoder.encode(simulator.exportState())
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        routes.on(.put, "state") { request, _ in
            let state = try await Self.document(of: request, clock: simulator.clockReading())
            await simulator.importStateTakingTurn(state)
            return JSONResponse(NowResponse(now: simulator.clockReading().now.smarthubString))
        }
        routes.on(.post, "state/snapshots") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Snapshot")
            try body.rejectUnknownKeys(allowed: ["name"])
            let info = try simulator.saveSnapshot(named: try body.requiredString("name"))
            return JSONResponse(SnapshotResponse(info), status: .created)
        }
        routes.on(.get, "state/snapshots") { _, _ in
            JSONResponse(SnapshotListResponse(snapshots: simulator.snapshotList().map(SnapshotResponse.init)))
        }
        routes.on(.post, "state/snapshots/{name}/restore") { _, context in
            let info = try await simulator.restoreSnapshotTakingTurn(named: try context.pathParameter("name"))
            return JSONResponse(SnapshotResponse(info))
        }
        routes.on(.delete, "state/snapshots/{name}") { _, context in
            try simulator.deleteSnapshot(named: try context.pathParameter("name"))
            return Response(status: .noContent)
        }
    }

    /// The state a `PUT /_sim/state` body describes: a state document as `GET` gives it, or a seed
    /// document's JSON form (its world as it starts, on the current clock mode and scale).
    static func document(of request: Request, clock: ClockReading) async throws -> WorldState {
        let buffer = try await RequestBodyReader.bytes(
            of: request, upTo: maximumDocumentBytes,
            tooLarge: HTTPProblem(Problem(status: 413, title: "Payload Too Large", detail: "a state document is at most 256 MiB")))
        let data = Data(buffer.readableBytesView)
        // Before any parser recurses into it.
        if let line = YAMLNestingLimit.lineExceedingDepth(in: String(decoding: data, as: UTF8.self)) {
            throw HTTPProblem.validationFailed([
                .init(
                    resource: "State", field: "", code: "invalid",
                    message: "the document nests deeper than \(YAMLNestingLimit.maximumDepth) levels (by line \(line))")
            ])
        }
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw HTTPProblem.badRequest("Body should be a JSON object")
        }
        guard fields["format"] != nil else {
            do {
                let seed = try SeedLoader.load(json: data, source: "request body")
                return WorldState.initial(of: seed, clockMode: clock.mode, clockScale: clock.scale)
            } catch {
                throw HTTPProblem.validationFailed(
                    error.problems.prefix(50).map { .init(resource: "Seed", field: $0.path, code: "invalid", message: $0.message) })
            }
        }
        do {
            return try JSONDecoder().decode(WorldState.self, from: data)
        } catch let error as DecodingError {
            throw HTTPProblem.validationFailed([Self.fieldError(error)])
        }
    }

    /// The field a decoding error points at, and what is wrong with it.
    private static func fieldError(_ error: DecodingError) -> Problem.FieldError {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "\(key.stringValue) is required")
            case .typeMismatch(_, let context): (context.codingPath, context.debugDescription)
            case .valueNotFound(_, let context): (context.codingPath, context.debugDescription)
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "the document cannot be read")
            }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".")
        return .init(resource: "State", field: String(field), code: "invalid", message: message)
    }
}

/// The wire form of a snapshot: its name, when it was taken, and its enterprises.
struct SnapshotResponse: Encodable, Sendable {
    let name: String
    let takenAt: String
    let enterprises: [String]

    init(_ info: SnapshotInfo) {
        name = info.name
        takenAt = info.takenAt.smarthubString
        enterprises = info.enterpriseNames
    }
}

/// `{"snapshots": […]}`, in name order.
struct SnapshotListResponse: Encodable, Sendable {
    let snapshots: [SnapshotResponse]
}
