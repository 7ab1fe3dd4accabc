import Foundation
import HTTPTypes
import Testing

@testable import SimHTTP

/// `/_sim/ui`: the dashboard's page and files, as the browser gets them.
@Suite struct DashboardTests {
    /// The files the page links to (`src` and `href` attributes), data URLs left out.
    private func linkedFiles(of page: String) -> [String] {
        page.matches(of: /(?:src|href)="([^"]+)"/).map { String($0.output.1) }.filter { !$0.hasPrefix("data:") }
    }

    @Test func thePageAndEveryFileItLinksToAreServedWithTheirContentType() async throws {
        try await TestServer.run { server in
            // When the browser opens the dashboard
            let page = try await server.send(.get, "/_sim/ui", key: nil)
            // Then it gets the HTML page, which links to its stylesheet and script on this server
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<title>smarthub-sim dashboard</title>"))
            let files = linkedFiles(of: page.text)
            #expect(Set(files) == ["/_sim/ui/dashboard.css", "/_sim/ui/dashboard.js"])
            // And each file comes with its own content type
            let expectedTypes = ["/_sim/ui/dashboard.css": "text/css; charset=utf-8", "/_sim/ui/dashboard.js": "text/javascript; charset=utf-8"]
            for file in files {
                let reply = try await server.send(.get, file, key: nil)
                #expect(reply.status == .ok, "\(file)")
                #expect(reply.headers[.contentType] == expectedTypes[file], "\(file)")
                #expect(!reply.text.isEmpty, "\(file)")
            }
            let byName = try await server.send(.get, "/_sim/ui/index.html", key: nil)
            #expect(byName.text == page.text)
        }
    }

    @Test func theFilesReferNoOtherHostAndTheBrowserIsKeptToThisServer() async throws {
        try await TestServer.run { server in
            for path in ["/_sim/ui", "/_sim/ui/dashboard.css", "/_sim/ui/dashboard.js"] {
                let reply = try await server.send(.get, path, key: nil)
                // No absolute or protocol-relative URL: nothing is loaded from a CDN or a font host
                for external in ["http://", "https://", "\"//", "'//", "(//", "`//"] {
                    #expect(!reply.text.contains(external), "\(path) contains \(external)")
                }
                // And the browser is told to load and call nothing but this server
                let policy = try #require(reply.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("default-src 'self'"))
                #expect(policy.contains("connect-src 'self'"))
                #expect(reply.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func theScriptNeverParsesServerTextAsHTML() async throws {
        try await TestServer.run { server in
            let script = try await server.send(.get, "/_sim/ui/dashboard.js", key: nil).text
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
                #expect(!script.contains(sink), "dashboard.js uses \(sink)")
            }
            #expect(script.contains("textContent"))
        }
    }

    @Test func theFilesAreServedWithoutTheAdminToken() async throws {
        try await TestServer.run(adminToken: "s3cret") { server in
            for path in ["/_sim/ui", "/_sim/ui/dashboard.css", "/_sim/ui/dashboard.js"] {
                let reply = try await server.send(.get, path, key: nil)
                #expect(reply.status == .ok, "\(path)")
            }
            // While the data the page shows needs it
            let clock = try await server.send(.get, "/_sim/clock", key: nil)
            #expect(clock.status == .unauthorized)
        }
    }

    @Test func anUnknownFileIsAProblemAndOtherMethodsAreRefused() async throws {
        try await TestServer.run { server in
            let unknown = try await server.send(.get, "/_sim/ui/app.js", key: nil)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(unknown.errors.first?["resource"] as? String == "DashboardAsset")
            #expect(unknown.errors.first?["code"] as? String == "missing")
            let post = try await server.send(.post, "/_sim/ui", key: nil, json: "{}")
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET")
        }
    }
}
