import Hummingbird
import SimCore

/// `GET /_sim/ui` and `GET /_sim/ui/{asset}`: the dashboard, a page that shows the world by
/// reading `/v1` and `/_sim` from the browser.
///
/// Its files are served without the admin token: they hold no data. When the server has a token,
/// the page asks for it, keeps it in the tab's `sessionStorage` and sends it with each control call.
struct DashboardController {
    func register(on routes: CatalogedRoutes<AppRequestContext>) {
        routes.on(.get, "ui") { _, _ in DashboardAsset.page }
        routes.on(.get, "ui/{asset}") { _, context in
            guard let asset = DashboardAsset.named(try context.pathParameter("asset")) else {
                throw SimError.notFound("DashboardAsset", field: "asset")
            }
            return asset
        }
    }
}
