/// Everything one enterprise starts with: the core form of one entry of a seed file.
public struct EnterpriseSeed: Equatable, Sendable {
    public var enterprise: Enterprise
    /// Accounts in declaration order.
    public var accounts: [Account]
    public var servicePackages: [ServicePackage]
    public var sharePools: [SharePool]
    /// SIMs in any order.
    public var sims: [SIM]
    /// How many of the last of ``sims`` were generated (`serve --generate-sims`) rather than
    /// declared: a new enterprise copied from this one leaves them out unless asked.
    public var generatedSIMCount = 0
    /// The enterprise's own clock; nil when it shares the world clock.
    public var ownClock: OwnClockDeclaration?

    /// A seed with every part given.
    public init(enterprise: Enterprise, accounts: [Account], servicePackages: [ServicePackage], sharePools: [SharePool], sims: [SIM]) {
        self.enterprise = enterprise
        self.accounts = accounts
        self.servicePackages = servicePackages
        self.sharePools = sharePools
        self.sims = sims
    }
}

/// A whole world to start from: the clock's start time, the seed of generated ids, and the
/// enterprises (the first is the demo enterprise).
public struct WorldSeed: Equatable, Sendable {
    public var startTime: Timestamp
    public var randomSeed: UInt64
    public var enterprises: [EnterpriseSeed]
    /// The settings every enterprise starts with.
    public var settings: EnterpriseSettings
    /// The country (ISO 3166-1 alpha-2) of each mobile country code; sessions with another MCC are refused.
    public var countryCodeByMCC: [String: String] = [:]

    /// A world seed with every part given; `enterprises` must not be empty.
    public init(startTime: Timestamp, randomSeed: UInt64, enterprises: [EnterpriseSeed], settings: EnterpriseSettings = .defaults) {
        precondition(!enterprises.isEmpty, "a world has at least one enterprise")
        self.startTime = startTime
        self.randomSeed = randomSeed
        self.enterprises = enterprises
        self.settings = settings
    }

    /// The demo enterprise: the first of the seed.
    public var demoEnterprise: EnterpriseSeed { enterprises[0] }
}
