import HTTPTypes

extension HTTPField.Name {
    /// `X-API-Key`: the enterprise's key on every public call.
    static let apiKey = HTTPField.Name("X-API-Key")!
}
