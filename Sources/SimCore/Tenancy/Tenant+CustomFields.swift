extension Tenant {
    /// Applies `update` to a SIM's custom fields and returns them afterwards.
    mutating func updateCustomFields(ofSIM giccid: String, _ update: CustomFieldsUpdate) throws(SimError) -> CustomFields {
        try update.validate()
        let fields = try sims.update(iccid: giccid) { sim throws(SimError) -> CustomFields in
            sim.customFields = update.applied(to: sim.customFields)
            return sim.customFields
        }
        guard let fields else { throw .notFound("SIM", field: "giccid") }
        return fields
    }
}
