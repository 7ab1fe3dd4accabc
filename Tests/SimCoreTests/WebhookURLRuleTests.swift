import Testing

@testable import SimCore

/// Webhook URLs: only what the push transport can use gets in.
@Suite struct WebhookURLRuleTests {
    @Test(arguments: [
        "http://127.0.0.1:9000/hook", "https://receiver.example.com/a?b=c", "http://[::1]:8080/h", "HTTP://Host", "http://h:1/",
        "http://h:65535",
    ])
    func aUsableURLIsAccepted(url: String) {
        #expect(WebhookURLRule.problem(with: url) == nil)
    }

    @Test(arguments: [
        ("http://127.0.0.1:65536/h", "port"), ("http://127.0.0.1:99999/h", "port"), ("http://127.0.0.1:0/h", "port"),
        ("http://h:/h", "port"), ("http://h:-1/h", "port"), ("http://h:8o/h", "port"), ("http://h:000080/h", "port"),
        ("ftp://h/", "http"), ("h/x", "http"), ("http:///x", "host"), ("http://:80/x", "host"), ("http://[::1/x", "IPv6"),
        ("http://u:p@h/x", "credentials"), ("http://h/a b", "spaces"), ("http://h/\u{1}", "control"), ("http://h/\u{7F}", "control"),
        ("http://h/" + String(repeating: "a", count: 2048), "2048"), ("http://h:080/", "port"), ("http://a[b/", "host"),
        ("http://[zz]/", "IPv6"), ("http://h/é", "ASCII"),
    ])
    func anUnusableURLIsRefusedWithItsReason(url: String, reason: String) {
        #expect(WebhookURLRule.problem(with: url)?.contains(reason) == true)
    }

    @Test func theControlAPIRuleIsTheSame() throws {
        let simulator = TestWorld.simulator()
        let webhook = WebhookConfiguration(url: "http://127.0.0.1:65536/h")
        #expect(throws: SimError.self) { try simulator.setWebhook(webhook, forAccount: nil, enterprise: TestWorld.enterpriseName) }
        #expect(try simulator.webhooks(enterprise: TestWorld.enterpriseName).isEmpty)
    }
}
