/// A rate plan ("service package", "tariff scheme") of an account.
public struct ServicePackage: Equatable, Sendable, Codable {
    /// A basic plan is the SIM's main plan; supplementary plans are add-ons.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case basic = "BASIC"
        case supplementary = "SUPPLEMENTARY"
    }

    /// Whether the plan is billed after use or paid in advance.
    public enum BillingType: String, Sendable, Codable, CaseIterable {
        case postpaid = "POSTPAID"
        case prepaid = "PREPAID"
    }

    public var name: String
    /// The account the plan belongs to.
    public var accountName: String
    public var kind: Kind
    public var billingType: BillingType
    /// Data included; nil means unlimited.
    public var dataQuotaBytes: Int64?
    public var smsQuota: Int?
    public var validityDays: Int?
    /// Price in major units of `currency` (e.g. 9.9 USD); kept as given in the seed.
    public var price: Double
    public var currency: String
    /// For a basic plan on a share pool: the pool its SIMs draw from.
    public var sharePoolName: String?

    /// A plan with every field given.
    public init(
        name: String, accountName: String, kind: Kind, billingType: BillingType, dataQuotaBytes: Int64?, smsQuota: Int?,
        validityDays: Int?, price: Double, currency: String, sharePoolName: String?
    ) {
        self.name = name
        self.accountName = accountName
        self.kind = kind
        self.billingType = billingType
        self.dataQuotaBytes = dataQuotaBytes
        self.smsQuota = smsQuota
        self.validityDays = validityDays
        self.price = price
        self.currency = currency
        self.sharePoolName = sharePoolName
    }
}
