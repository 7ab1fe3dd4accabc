/// The accounts, packages and pools of one enterprise of a seed document, by name: what SIMs refer to.
struct EnterpriseCatalog {
    /// The accounts by name (the first of each name).
    var accounts: [String: AccountEntry] = [:]
    /// Each service package by name, with the name of its account (the first of each name).
    var packages: [String: (package: ServicePackageEntry, accountName: String)] = [:]
    /// Each share pool's account by pool name (the first of each name).
    var poolAccounts: [String: String] = [:]

    /// The account names in declaration order, for messages.
    var accountNames: [String] = []
}
