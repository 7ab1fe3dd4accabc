/// What a new enterprise starts with.
public enum TenantTemplate: String, Sendable, CaseIterable {
    /// A copy of the demo enterprise: accounts, plans, pools and the SIMs the seed declares
    /// (its generated SIMs too only when asked).
    case `default`
    /// The demo enterprise's accounts, plans and pools, without SIMs.
    case empty
}

extension Simulator {
    /// Creates an enterprise from the demo enterprise's seed; returns it with its API key
    /// (`apiKey`, or a generated one). With `ownClock` it lives by a clock of its own, starting at
    /// the declaration's start or the world clock's reading; else it shares the world clock.
    /// The `default` template copies the demo enterprise's declared SIMs; its generated SIMs
    /// (`serve --generate-sims`) only `withGeneratedSIMs`, so that a new enterprise costs the
    /// same whatever the size of the demo fleet.
    /// - Throws: `already_exists` when the name or key is taken, `invalid` for a bad name, key,
    ///   start or scale, or generated SIMs asked for with the `empty` template.
    public func createEnterprise(
        named name: String, apiKey: String?, template: TenantTemplate, withGeneratedSIMs: Bool = false,
        ownClock: OwnClockDeclaration? = nil
    ) throws(SimError) -> Enterprise {
        try ownClock?.check()
        if withGeneratedSIMs && template == .empty {
            throw .rejected(
                "Enterprise", field: "withGeneratedSims", code: .invalid, message: "generated SIMs are copied with the default seed only")
        }
        let wall = wallMilliseconds
        return try withWorld { world, worldNow throws(SimError) in
            if let problem = EnterpriseRules.problem(withName: name) {
                throw .rejected("Enterprise", field: "name", code: .invalid, message: problem)
            }
            guard world.tenants[name] == nil else {
                throw .rejected("Enterprise", field: "name", code: .alreadyExists, message: "an enterprise named '\(name)' exists")
            }
            var seed = world.seed.demoEnterprise
            switch template {
            case .empty: seed.sims = []
            case .default where !withGeneratedSIMs && seed.generatedSIMCount > 0:
                // Only the declared SIMs are copied: a prefix, never the whole generated fleet.
                seed.sims = Array(seed.sims.prefix(max(0, seed.sims.count - seed.generatedSIMCount)))
            case .default: break
            }
            seed.generatedSIMCount = 0
            var tenant = world.makeTenant(seed)
            tenant.ownClock = ownClock.map {
                OwnClock(start: $0.start ?? worldNow, mode: $0.mode, scale: $0.scale, wallMilliseconds: wall)
            }
            let now = tenant.ownClock?.clock.anchorReading ?? worldNow
            // Ids (the generated key first) come from the new enterprise's own generator, not the demo's.
            tenant.identifiers = IdentifierFactory(random: DeterministicRandom(seed: world.seed.randomSeed, scope: name))
            let key = apiKey ?? tenant.identifiers.nextAPIKey()
            if let problem = EnterpriseRules.problem(withAPIKey: key) {
                throw .rejected("Enterprise", field: "apiKey", code: .invalid, message: problem)
            }
            guard world.tenantNameByAPIKey[key] == nil else {
                throw .rejected("Enterprise", field: "apiKey", code: .alreadyExists, message: "this API key belongs to another enterprise")
            }
            tenant.enterprise = Enterprise(name: name, apiKey: key, status: .enabled, createdTime: now)
            tenant.startSeedTerms(at: now)
            world.add(tenant)
            return tenant.enterprise
        }
    }

    /// Removes an enterprise and everything it owns.
    public func deleteEnterprise(named name: String) throws(SimError) {
        try withWorld { world, _ throws(SimError) in
            guard world.remove(name) != nil else { throw .notFound("Enterprise", field: "name") }
        }
        // Its clock's turns go with it: an enterprise made later under the name starts afresh.
        _ = ownAdvanceTurns.withLock { $0.removeValue(forKey: name) }
    }

    /// True when an enterprise of this name exists.
    public func hasEnterprise(named name: String) -> Bool {
        readWorld { world, _ in world.tenants[name] != nil }
    }
}

/// The rules for enterprise names and API keys.
public enum EnterpriseRules {
    /// nil when `name` is 1 to 100 characters without control characters or `/`; else the reason.
    public static func problem(withName name: String) -> String? {
        let allowed =
            !name.isEmpty && name.unicodeScalars.count <= 100 && !name.contains("/")
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
        return allowed ? nil : "a name is 1 to 100 characters, without '/' or control characters"
    }

    /// nil when `key` is 16 to 128 characters of letters, digits, `_` and `-`; else the reason.
    public static func problem(withAPIKey key: String) -> String? {
        let allowed = (16...128).contains(key.count) && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return allowed ? nil : "an API key is 16 to 128 characters of letters, digits, '_' and '-'"
    }
}
