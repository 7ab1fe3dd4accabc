import SimCore

/// One service package (rate plan) of an account as written (seed-data/README.md, "Service package").
///
/// ```yaml
/// - name: "Prepaid-Basic-1G"
///   type: BASIC
///   billingType: PREPAID
///   dataQuotaBytes: 1073741824
///   validityDays: 30
///   price: 9.90
///   currency: USD
/// ```
struct ServicePackageEntry: SeedEntry {
    /// The keys of a service package.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, billingType, dataQuotaBytes, smsQuota, validityDays, price, currency, sharePoolName
    }

    /// The package name, unique within the enterprise.
    var name: String
    /// `BASIC` (a SIM's main plan) or `SUPPLEMENTARY` (an add-on).
    var kind: ServicePackage.Kind
    /// Postpaid or prepaid.
    var billingType: ServicePackage.BillingType
    /// The data allowance in bytes; nil means unlimited.
    var dataQuotaBytes: Int64?
    /// The SMS allowance; nil means unlimited.
    var smsQuota: Int?
    /// The validity of a prepaid package, in days.
    var validityDays: Int?
    /// The price in major units of `currency`.
    var price: Double
    /// The ISO 4217 currency code.
    var currency: String
    /// A share pool of the same account, for a basic plan whose SIMs share it.
    var sharePoolName: String?
    /// Where the package's keys are in the file.
    var location: EntryLocation

    /// Decodes a service package, reporting every problem of it.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "service package")
        let name: String? = reader.required(.name)
        let kind: ServicePackage.Kind? = reader.requiredEnum(.type)
        let billingType: ServicePackage.BillingType? = reader.requiredEnum(.billingType)
        dataQuotaBytes = reader.optional(.dataQuotaBytes)
        smsQuota = reader.optional(.smsQuota)
        validityDays = reader.optional(.validityDays)
        let price: Double? = reader.required(.price)
        let currency: String? = reader.required(.currency)
        sharePoolName = reader.optional(.sharePoolName)
        try reader.finish()
        guard let name, let kind, let billingType, let price, let currency else { throw reader.failure }
        self.name = name
        self.kind = kind
        self.billingType = billingType
        self.price = price
        self.currency = currency
        self.location = reader.location
    }
}
