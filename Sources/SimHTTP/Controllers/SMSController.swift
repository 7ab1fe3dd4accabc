import Hummingbird
import SimCore

/// The SMS API: `POST /mt-sms` accepts a message to a SIM (delivered later, on the clock);
/// `GET /mt-sms/{smsMsgId}` shows it with its delivery status.
struct SMSController {
    /// The simulator the routes act on.
    let simulator: Simulator

    /// Adds `POST /mt-sms` and `GET /mt-sms/{smsMsgId}` to the public routes.
    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.post, "mt-sms") { request, context in
            let enterprise = try context.requireEnterprise()
            let body = try SendMTSMSRequest.read(try await RequestBodyReader.object(of: request, resource: SMSText.resource))
            let sms = try simulator.sendMTSMS(toGiccid: body.toGiccid, content: body.content, encoding: body.encoding, enterprise: enterprise)
            return JSONResponse(MTSMSCreatedResponse(sms), status: .created)
        }
        routes.on(.get, "mt-sms/{smsMsgId}") { _, context in
            let sms = try simulator.mtSMS(try context.pathParameter("smsMsgId"), enterprise: try context.requireEnterprise())
            return JSONResponse(MTSMSResponse(sms))
        }
    }
}
