import HTTPTypes

extension HTTPField.Name {
    /// `X-API-Key`: the enterprise's key on every public call.
    static let apiKey = HTTPField.Name("X-API-Key")!
}

extension HTTPField.Name {
    /// `X-Sim-Observer`: a GET that only looks (the dashboard's): not journaled, not touched by HTTP faults.
    static let simObserver = HTTPField.Name("X-Sim-Observer")!
}
