/// The five free-text fields a customer can attach to a SIM (`custom1` … `custom5`).
public struct CustomFields: Equatable, Sendable, Codable {
    /// The longest value a field accepts, in Unicode code points (as JSON Schema's `maxLength` counts).
    public static let maximumLength = 255
    /// The field names, in order.
    public static let fieldNames = ["custom1", "custom2", "custom3", "custom4", "custom5"]

    public var custom1: String?
    public var custom2: String?
    public var custom3: String?
    public var custom4: String?
    public var custom5: String?

    /// Fields with the given values (nil = unset).
    public init(custom1: String? = nil, custom2: String? = nil, custom3: String? = nil, custom4: String? = nil, custom5: String? = nil) {
        self.custom1 = custom1
        self.custom2 = custom2
        self.custom3 = custom3
        self.custom4 = custom4
        self.custom5 = custom5
    }

    /// The value of the field at `index` (0 = custom1).
    public subscript(index: Int) -> String? {
        get { [custom1, custom2, custom3, custom4, custom5][index] }
        set {
            switch index {
            case 0: custom1 = newValue
            case 1: custom2 = newValue
            case 2: custom3 = newValue
            case 3: custom4 = newValue
            default: custom5 = newValue
            }
        }
    }
}

/// A change to some custom fields: a field that is absent stays as it is, `.some(nil)` clears it.
public struct CustomFieldsUpdate: Equatable, Sendable {
    /// New values by field index (0 = custom1); absent indexes are left unchanged.
    public var values: [Int: String?]

    /// An update setting `values` (by field index).
    public init(values: [Int: String?] = [:]) { self.values = values }

    /// Refuses values longer than ``CustomFields/maximumLength``, naming each such field.
    public func validate() throws(SimError) {
        let issues = values.keys.sorted().compactMap { index -> SimError.Issue? in
            guard let value = values[index] ?? nil, value.unicodeScalars.count > CustomFields.maximumLength else { return nil }
            return .init(
                resource: "customFieldVO", field: CustomFields.fieldNames[index], code: .invalid,
                message: "at most \(CustomFields.maximumLength) characters")
        }
        if !issues.isEmpty { throw SimError(.rejected, issues) }
    }

    /// `fields` with this update applied.
    public func applied(to fields: CustomFields) -> CustomFields {
        var result = fields
        for (index, value) in values { result[index] = value }
        return result
    }
}
