import Hummingbird
import SimCore

/// The single-SIM operations under `/global-sims`: list, detail, change log, custom fields, the
/// status changes and the APN status.
struct SIMController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "global-sims") { request, context in
            let query = QueryReader(request)
            let filter = SIMFilter(
                status: try query.enumeration("status", SIMStatus.self), accountName: query.string("accountName"),
                servicePackageName: query.string("servicePackageName"), iccid: query.string("iccid"), imsi: query.string("imsi"),
                msisdn: query.string("msisdn"), imei: query.string("imei"))
            let page = try simulator.sims(filter, page: try query.pageRequest(), enterprise: try context.requireEnterprise())
            return JSONResponse(PagedResponse(page, itemsKey: "sims", transform: SIMResponse.init))
        }
        routes.on(.get, "global-sims/changeLogs") { request, context in
            let query = QueryReader(request)
            let changeLogQuery = ChangeLogQuery(
                giccid: query.string("giccid"), type: try query.enumeration("type", ChangeType.self),
                startTime: try query.timestamp("startTime"), endTime: try query.timestamp("endTime"))
            let page = try simulator.changeLogs(changeLogQuery, page: try query.pageRequest(), enterprise: try context.requireEnterprise())
            return JSONResponse(PagedResponse(page, itemsKey: "changeLogs", transform: ChangeLogEntryResponse.init))
        }
        routes.on(.get, "global-sims/{giccid}") { _, context in
            JSONResponse(SIMResponse(try simulator.sim(try context.pathParameter("giccid"), enterprise: try context.requireEnterprise())))
        }
        routes.on(.get, "global-sims/{giccid}/custom-field") { _, context in
            let fields = try simulator.customFields(ofSIM: try context.pathParameter("giccid"), enterprise: try context.requireEnterprise())
            return JSONResponse(CustomFieldsResponse(fields))
        }
        routes.on(.put, "global-sims/{giccid}/custom-field") { request, context in
            let giccid = try context.pathParameter("giccid")
            let enterprise = try context.requireEnterprise()
            let update = try CustomFieldsUpdateRequest.read(try await RequestBodyReader.object(of: request, resource: "customFieldVO"))
            return JSONResponse(CustomFieldsResponse(try simulator.updateCustomFields(ofSIM: giccid, update, enterprise: enterprise)))
        }
        routes.on(.put, "global-sims/{giccid}/apn-status") { request, context in
            let giccid = try context.pathParameter("giccid")
            let enterprise = try context.requireEnterprise()
            let body = try await RequestBodyReader.object(of: request, resource: "SIM")
            try body.rejectUnknownKeys(allowed: ["apnName", "status"])
            guard let status = try body.enumeration("status", APNStatus.self) else { throw body.missing("status") }
            let sim = try simulator.setAPNStatus(status, apnName: try body.string("apnName"), giccid: giccid, enterprise: enterprise)
            return JSONResponse(SIMResponse(sim))
        }
        let actions: [(path: String, action: SIMAction)] = [
            ("activate", .activate), ("deactivate", .deactivate), ("suspend", .deactivate), ("retire", .retire),
        ]
        for (path, action) in actions {
            routes.on(.post, "global-sims/{giccid}/\(path)") { _, context in
                let sim = try simulator.perform(
                    action, giccid: try context.pathParameter("giccid"), enterprise: try context.requireEnterprise(), source: .api)
                return JSONResponse(SIMResponse(sim))
            }
        }
    }
}
