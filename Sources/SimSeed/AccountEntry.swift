import SimCore

/// One account of an enterprise as written (seed-data/README.md, "Account").
///
/// ```yaml
/// - name: "Fleet Prepaid"
///   chargeType: PREPAID
///   prepaidRenewType: DISABLE_CARD
///   simSkus: ["Industrial-MFF2"]
///   servicePackages: [ … ]
/// ```
struct AccountEntry: SeedEntry {
    /// The keys of an account.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, chargeType, prepaidRenewType, status, simSkus, sharePools, servicePackages
    }

    /// The account name, unique within the enterprise.
    var name: String
    /// How the account is billed.
    var chargeType: Account.ChargeType
    /// What happens when a prepaid package ends; set for `PREPAID` accounts only.
    var prepaidRenewType: Account.PrepaidRenewType?
    /// The status; nil means `ENABLED`.
    var status: Account.Status?
    /// The card products of the account.
    var simSkus: [String]
    /// The share pools (none when the key is absent).
    var sharePools: [SharePoolEntry]
    /// The rate plans, in declaration order.
    var servicePackages: [ServicePackageEntry]
    /// Where the account's keys are in the file.
    var location: EntryLocation

    /// Decodes an account, reporting every problem of it, its pools and its packages.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "account")
        let name: String? = reader.required(.name)
        let chargeType: Account.ChargeType? = reader.requiredEnum(.chargeType)
        prepaidRenewType = reader.optionalEnum(.prepaidRenewType)
        status = reader.optionalEnum(.status)
        let simSkus: [String]? = reader.requiredList(.simSkus)
        let sharePools: [SharePoolEntry]? = reader.optionalList(.sharePools)
        let servicePackages: [ServicePackageEntry]? = reader.requiredList(.servicePackages)
        try reader.finish()
        guard let name, let chargeType, let simSkus, let servicePackages else { throw reader.failure }
        self.name = name
        self.chargeType = chargeType
        self.simSkus = simSkus
        self.sharePools = sharePools ?? []
        self.servicePackages = servicePackages
        self.location = reader.location
    }
}
