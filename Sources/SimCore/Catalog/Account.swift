/// A billing account of an enterprise; SIMs and rate plans belong to one.
public struct Account: Equatable, Sendable, Codable {
    /// How the account is billed.
    public enum ChargeType: String, Sendable, Codable, CaseIterable {
        /// Postpaid.
        case charge = "CHARGE"
        /// Trial.
        case experience = "EXPERIENCE"
        case prepaid = "PREPAID"
    }

    /// What happens when a prepaid package ends.
    public enum PrepaidRenewType: String, Sendable, Codable, CaseIterable {
        /// The card is deactivated.
        case disableCard = "DISABLE_CARD"
        /// The package renews automatically.
        case auto = "AUTO"
    }

    /// Whether the account can be used.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case enabled = "ENABLED"
        case disabled = "DISABLED"
    }

    public var name: String
    public var chargeType: ChargeType
    public var status: Status
    /// Set for prepaid accounts only.
    public var prepaidRenewType: PrepaidRenewType?
    /// Card products (SKUs) of the account.
    public var simSkus: [String]
    /// Names of the account's rate plans, in declaration order.
    public var servicePackageNames: [String]
    /// Names of the account's share pools, in declaration order.
    public var sharePoolNames: [String]

    /// An account with every field given.
    public init(
        name: String, chargeType: ChargeType, status: Status = .enabled, prepaidRenewType: PrepaidRenewType?, simSkus: [String],
        servicePackageNames: [String], sharePoolNames: [String]
    ) {
        self.name = name
        self.chargeType = chargeType
        self.status = status
        self.prepaidRenewType = prepaidRenewType
        self.simSkus = simSkus
        self.servicePackageNames = servicePackageNames
        self.sharePoolNames = sharePoolNames
    }
}
