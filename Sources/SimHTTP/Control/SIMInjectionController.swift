import Hummingbird
import SimCore

/// `POST /_sim/sims`: adds SIMs to an account, as a provisioning system would.
struct SIMInjectionController {
    let simulator: Simulator

    private static let requestKeys: Set<String> = ["enterpriseName", "accountName", "count", "sims", "status", "basicServicePackageName"]
    private static let templateKeys: Set<String> = Set(
        ["iccid", "imsi", "msisdn", "imei", "status", "simSku", "basicServicePackageName", "apnName"] + CustomFields.fieldNames)

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.post, "sims") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "SIM")
            try body.rejectUnknownKeys(allowed: Self.requestKeys)
            let enterprise = try ControlScope(simulator: simulator).enterprise(of: request, body: body)
            let creation = SIMCreationRequest(
                accountName: try body.requiredString("accountName"), count: try body.integer("count"),
                templates: try (body.objects("sims") ?? []).map(Self.template), status: try body.enumeration("status", SIMStatus.self),
                basicServicePackageName: try body.string("basicServicePackageName"))
            let sims = try simulator.createSIMs(creation, enterprise: enterprise)
            return JSONResponse(CreatedSIMsResponse(sims: sims.map(SIMResponse.init)), status: .created)
        }
    }

    private static func template(_ object: JSONObject) throws -> SIMTemplate {
        try object.rejectUnknownKeys(allowed: templateKeys)
        var fields = CustomFields()
        for (index, name) in CustomFields.fieldNames.enumerated() { fields[index] = try object.nullableString(name) }
        return SIMTemplate(
            iccid: try object.string("iccid"), imsi: try object.string("imsi"), msisdn: try object.string("msisdn"),
            imei: try object.string("imei"), status: try object.enumeration("status", SIMStatus.self), simSku: try object.string("simSku"),
            basicServicePackageName: try object.string("basicServicePackageName"), apnName: try object.string("apnName"),
            customFields: fields)
    }
}
