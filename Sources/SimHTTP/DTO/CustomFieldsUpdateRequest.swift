import SimCore

/// Reads the body of `PUT /global-sims/{giccid}/custom-field`: any of `custom1` … `custom5`,
/// each a string or `null` (clears it); other keys are refused.
enum CustomFieldsUpdateRequest {
    static func read(_ body: JSONObject) throws -> CustomFieldsUpdate {
        try body.rejectUnknownKeys(allowed: Set(CustomFields.fieldNames))
        var update = CustomFieldsUpdate()
        for (index, name) in CustomFields.fieldNames.enumerated() where body.contains(name) {
            update.values[index] = .some(try body.nullableString(name))
        }
        return update
    }
}
