import Hummingbird
import SimCore

/// `GET|PUT|DELETE /_sim/webhooks`, `GET /_sim/deliveries`, `POST /_sim/deliveries/{eventId}/redeliver`:
/// where pushes go, and what became of each.
struct WebhookController {
    let simulator: Simulator

    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        let scope = ControlScope(simulator: simulator)
        routes.on(.get, "webhooks") { request, _ in
            let webhooks = try simulator.webhooks(enterprise: try scope.enterprise(of: request))
            return JSONResponse(WebhookListResponse(webhooks: webhooks.map(WebhookResponse.init)))
        }
        routes.on(.put, "webhooks") { request, _ in
            let body = try await RequestBodyReader.object(of: request, resource: "Webhook")
            try body.rejectUnknownKeys(allowed: ["enterpriseName", "url", "secret", "eventTypes", "accountName"])
            let enterprise = try scope.enterprise(of: request, body: body)
            let eventTypes = try body.strings("eventTypes").map { names in
                Set(
                    try names.map { name in
                        guard let type = PushEventType(rawValue: name) else {
                            throw body.invalid("eventTypes", "each one of \(PushEventType.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        return type
                    })
            }
            let webhook = WebhookConfiguration(
                url: try body.requiredString("url"), secret: try body.string("secret"), eventTypes: eventTypes,
                accountName: try body.string("accountName"))
            try simulator.setWebhook(webhook, forAccount: webhook.accountName, enterprise: enterprise)
            return JSONResponse(WebhookResponse(webhook))
        }
        routes.on(.delete, "webhooks") { request, _ in
            let enterprise = try scope.enterprise(of: request)
            try simulator.setWebhook(nil, forAccount: QueryReader(request).string("accountName"), enterprise: enterprise)
            return Response(status: .noContent)
        }
        routes.on(.get, "deliveries") { request, _ in
            let query = QueryReader(request)
            let deliveryQuery = DeliveryQuery(
                eventType: try query.enumeration("eventType", PushEventType.self), giccid: query.string("giccid"),
                state: try query.enumeration("state", Delivery.State.self))
            let page = try simulator.deliveries(
                deliveryQuery, page: try query.pageRequest(defaultSize: 100), enterprise: try scope.enterprise(of: request))
            return JSONResponse(PagedResponse(page, itemsKey: "deliveries", transform: DeliveryResponse.init))
        }
        routes.on(.post, "deliveries/{eventId}/redeliver") { request, context in
            let enterprise = try scope.enterprise(of: request)
            let eventId = try context.pathParameter("eventId")
            _ = try simulator.redeliver(eventId, enterprise: enterprise)
            // The attempt is due now: make it (and whatever else is due now) before answering.
            try await simulator.advanceAndDeliver(by: .zero, for: enterprise)
            return JSONResponse(DeliveryResponse(try simulator.delivery(eventId, enterprise: enterprise)))
        }
    }
}
