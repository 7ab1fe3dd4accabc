import Hummingbird
import SimCore

/// `POST /_sim/sims/{giccid}/mo-sms`: the device with this SIM sends an SMS, pushed as `MO_SMS`.
struct MOSMSController {
    /// The simulator the route acts on.
    let simulator: Simulator

    /// Adds `POST /sims/{giccid}/mo-sms` to the control routes.
    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.post, "sims/{giccid}/mo-sms") { request, context in
            let giccid = try context.pathParameter("giccid")
            let body = try await RequestBodyReader.object(of: request, resource: SMSText.resource)
            let sms = try MOSMSRequest.read(body)
            let enterprise = try ControlScope(simulator: simulator).enterprise(of: request, body: body)
            let received = try simulator.injectMOSMS(fromGiccid: giccid, content: sms.content, encoding: sms.encoding, enterprise: enterprise)
            return JSONResponse(MOSMSResponse(received), status: .created)
        }
    }
}
