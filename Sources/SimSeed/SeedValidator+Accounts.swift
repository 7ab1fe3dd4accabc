import SimCore

extension SeedValidator {
    /// Checks the accounts of an enterprise with their pools and packages; returns them by name.
    mutating func checkAccounts(of enterprise: EnterpriseEntry, at enterprisePath: String) -> EnterpriseCatalog {
        var catalog = EnterpriseCatalog()
        var accountPaths: [String: String] = [:]
        var poolPaths: [String: String] = [:]
        var packagePaths: [String: String] = [:]
        for (index, account) in enterprise.accounts.enumerated() {
            let path = SeedPath.appending(index: index, to: SeedPath.appending("accounts", to: enterprisePath))
            if let first = accountPaths[account.name] {
                report(path, key: "name", "the account name '\(account.name)' is already used by \(first)", account.location)
            } else {
                accountPaths[account.name] = path
                catalog.accounts[account.name] = account
                catalog.accountNames.append(account.name)
            }
            checkRenewType(of: account, at: path)
            for (poolIndex, pool) in account.sharePools.enumerated() {
                let poolPath = SeedPath.appending(index: poolIndex, to: SeedPath.appending("sharePools", to: path))
                if let first = poolPaths[pool.name] {
                    report(poolPath, key: "name", "the share pool name '\(pool.name)' is already used by \(first)", pool.location)
                } else {
                    poolPaths[pool.name] = poolPath
                    catalog.poolAccounts[pool.name] = account.name
                }
                checkNotNegative(pool.quotaBytes, key: "quotaBytes", of: poolPath, pool.location)
            }
            for (packageIndex, package) in account.servicePackages.enumerated() {
                let packagePath = SeedPath.appending(index: packageIndex, to: SeedPath.appending("servicePackages", to: path))
                if let first = packagePaths[package.name] {
                    report(packagePath, key: "name", "the service package name '\(package.name)' is already used by \(first)", package.location)
                } else {
                    packagePaths[package.name] = packagePath
                    catalog.packages[package.name] = (package, account.name)
                }
                check(package, at: packagePath)
            }
            if !account.servicePackages.contains(where: { $0.kind == .basic }) {
                report(path, key: "servicePackages", "an account has at least one BASIC service package", account.location)
            }
        }
        // Pools are checked once all are known, so a package may name a pool of another account only to be told so.
        for (index, account) in enterprise.accounts.enumerated() {
            let path = SeedPath.appending(index: index, to: SeedPath.appending("accounts", to: enterprisePath))
            for (packageIndex, package) in account.servicePackages.enumerated() {
                guard let poolName = package.sharePoolName, catalog.poolAccounts[poolName] != account.name else { continue }
                let packagePath = SeedPath.appending(index: packageIndex, to: SeedPath.appending("servicePackages", to: path))
                let owner = catalog.poolAccounts[poolName].map { "; it is a share pool of account '\($0)'" } ?? ""
                report(packagePath, key: "sharePoolName", "'\(poolName)' is not a share pool of account '\(account.name)'\(owner)", package.location)
            }
        }
        return catalog
    }

    /// `prepaidRenewType` is set for a PREPAID account and absent for the others.
    private mutating func checkRenewType(of account: AccountEntry, at path: String) {
        switch (account.chargeType, account.prepaidRenewType) {
        case (.prepaid, nil):
            let choices = Account.PrepaidRenewType.allCases.map(\.rawValue).joined(separator: " or ")
            report(path, key: "prepaidRenewType", "a PREPAID account needs a prepaidRenewType (\(choices))", account.location)
        case (.prepaid, _), (_, nil):
            break
        case (let chargeType, _):
            report(
                path, key: "prepaidRenewType", "only a PREPAID account has a prepaidRenewType; this one is \(chargeType.rawValue)", account.location)
        }
    }

    /// Amounts are not negative, the validity is a day to 100 years, the currency is an ISO 4217 code.
    private mutating func check(_ package: ServicePackageEntry, at path: String) {
        checkNotNegative(package.dataQuotaBytes, key: "dataQuotaBytes", of: path, package.location)
        checkNotNegative(package.smsQuota.map(Int64.init), key: "smsQuota", of: path, package.location)
        if let days = package.validityDays, !NumberRanges.validityDays.contains(days) {
            let range = NumberRanges.validityDays
            report(path, key: "validityDays", "must be \(range.lowerBound) to \(range.upperBound) days, got \(days)", package.location)
        }
        if !package.price.isFinite || package.price < 0 {
            report(path, key: "price", "must be a number not below 0, got \(package.price)", package.location)
        }
        let currency = package.currency
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            report(path, key: "currency", "a currency is an ISO 4217 code of three capital letters, e.g. USD; got '\(currency)'", package.location)
        }
    }
}
