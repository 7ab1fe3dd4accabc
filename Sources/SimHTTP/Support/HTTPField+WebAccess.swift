import HTTPTypes

extension HTTPField.Name {
    /// `Sec-Fetch-Site`: how a browser request's page relates to the server (`same-origin`, `cross-site`, …).
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

extension HTTPField.Name {
    /// `Host` as a field: the first `Host` header is the request's authority, a second one stays among the fields.
    static let extraHost = HTTPField.Name("Host")!
}
