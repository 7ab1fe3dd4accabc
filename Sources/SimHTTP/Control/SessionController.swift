import Hummingbird
import SimCore

/// `POST /_sim/sims/{giccid}/sessions`: the network reports a data session of a SIM.
struct SessionController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.post, "sims/{giccid}/sessions") { request, context in
            let body = try await RequestBodyReader.object(of: request, resource: "Session")
            try body.rejectUnknownKeys(allowed: ["enterpriseName", "mcc", "mnc", "imei", "bytes", "durationSeconds", "at"])
            let enterprise = try ControlScope(simulator: simulator).enterprise(of: request, body: body)
            guard let bytes = try body.integer("bytes") else { throw body.missing("bytes") }
            let session = DataSession(
                mcc: try body.requiredString("mcc"), mnc: try body.string("mnc"), imei: try body.string("imei"), bytes: Int64(bytes),
                durationSeconds: try body.integer("durationSeconds"), time: try body.timestamp("at"))
            let sim = try simulator.recordSession(session, giccid: try context.pathParameter("giccid"), enterprise: enterprise)
            return JSONResponse(SIMResponse(sim))
        }
    }
}
