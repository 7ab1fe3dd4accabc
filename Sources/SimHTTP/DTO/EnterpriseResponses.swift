import SimCore

/// The wire form of `GET /enterprise`.
struct EnterpriseResponse: Encodable, Sendable {
    let name: String
    let status: String
    let accounts: [String]
    let createdTime: String

    init(_ profile: EnterpriseProfile) {
        name = profile.enterprise.name
        status = profile.enterprise.status.rawValue
        accounts = profile.accountNames
        createdTime = profile.enterprise.createdTime.smarthubString
    }
}

/// The wire form of `GET /account/{name}` (the documented example's fields).
struct AccountResponse: Encodable, Sendable {
    let profile: AccountProfile

    init(_ profile: AccountProfile) { self.profile = profile }

    private enum Key: String, CodingKey {
        case name, chargeType, status, prepaidRenewType, currentCycleName, servicePackages, simSkus
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let account = profile.account
        try container.encode(account.name, forKey: .name)
        try container.encode(account.chargeType.rawValue, forKey: .chargeType)
        try container.encode(account.status.rawValue, forKey: .status)
        try container.encode(account.prepaidRenewType?.rawValue, forKey: .prepaidRenewType)
        try container.encode(profile.currentCycleName, forKey: .currentCycleName)
        try container.encode(account.servicePackageNames, forKey: .servicePackages)
        try container.encode(account.simSkus, forKey: .simSkus)
    }
}

/// The wire form of a rate plan.
struct ServicePackageResponse: Encodable, Sendable {
    let package: ServicePackage

    init(_ package: ServicePackage) { self.package = package }

    private enum Key: String, CodingKey {
        case name, type, billingType, dataQuotaBytes, smsQuota, validityDays, price, currency, sharePoolName
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(package.name, forKey: .name)
        try container.encode(package.kind.rawValue, forKey: .type)
        try container.encode(package.billingType.rawValue, forKey: .billingType)
        try container.encode(package.dataQuotaBytes, forKey: .dataQuotaBytes)
        try container.encode(package.smsQuota, forKey: .smsQuota)
        try container.encode(package.validityDays, forKey: .validityDays)
        try container.encode(package.price, forKey: .price)
        try container.encode(package.currency, forKey: .currency)
        try container.encode(package.sharePoolName, forKey: .sharePoolName)
    }
}
