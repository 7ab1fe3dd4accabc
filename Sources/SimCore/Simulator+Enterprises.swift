/// An enterprise and the names of its accounts (`GET /enterprise`).
public struct EnterpriseProfile: Equatable, Sendable {
    public var enterprise: Enterprise
    public var accountNames: [String]
}

/// An account as shown at the current time (`GET /account/{name}`).
public struct AccountProfile: Equatable, Sendable {
    public var account: Account
    /// The billing cycle the clock is in.
    public var currentCycleName: String
}

extension Simulator {
    /// The name of the enterprise whose API key this is, or nil.
    public func enterpriseName(forAPIKey key: String) -> String? {
        readWorld { world, _ in world.tenantNameByAPIKey[key] }
    }

    /// The enterprise with its account names.
    public func enterpriseProfile(_ enterprise: String) throws(SimError) -> EnterpriseProfile {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            let tenant = try world.tenant(enterprise)
            return EnterpriseProfile(enterprise: tenant.enterprise, accountNames: tenant.accountNames)
        }
    }

    /// One account of the enterprise.
    public func account(named name: String, enterprise: String) throws(SimError) -> AccountProfile {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            AccountProfile(account: try world.tenant(enterprise).account(named: name), currentCycleName: now.cycleName)
        }
    }

    /// A page of the rate plans of one account, in declaration order.
    public func servicePackages(ofAccount name: String, enterprise: String, page: PageRequest) throws(SimError) -> Page<ServicePackage> {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            let tenant = try world.tenant(enterprise)
            guard tenant.accounts[name] != nil else { throw .notFound("Account", field: "accountName") }
            return Page(slicing: try tenant.servicePackages(ofAccount: name), request: page)
        }
    }
}
