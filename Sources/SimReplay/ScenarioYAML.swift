import Yams

/// Writes scenarios as YAML, keys in a stable order.
public enum ScenarioYAML {
    /// `scenario` as a YAML document.
    public static func encode(_ scenario: Scenario) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        return try encoder.encode(scenario)
    }
}
