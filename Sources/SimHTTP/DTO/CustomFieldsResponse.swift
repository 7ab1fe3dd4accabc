import SimCore

/// The wire form of a SIM's custom fields: `custom1` … `custom5`, `null` where unset.
struct CustomFieldsResponse: Encodable, Sendable {
    let fields: CustomFields

    init(_ fields: CustomFields) { self.fields = fields }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (index, name) in CustomFields.fieldNames.enumerated() {
            try container.encode(fields[index], forKey: DynamicKey(name))
        }
    }
}
