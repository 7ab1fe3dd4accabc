/// The whole state of a simulator at one moment (`GET|PUT /_sim/state`): the clock, the pending
/// work and every enterprise with all it owns. Encoded with sorted keys, the same state always
/// gives the same bytes, and a state read back gives the same world.
///
/// ```swift
/// let saved = simulator.exportState()
/// try simulator.importState(saved)   // back to that moment, pending work included
/// ```
public struct WorldState: Sendable, Codable {
    /// The format name written in every document.
    public static let format = "smarthub-sim-state"
    /// The version of the document's layout.
    public static let version = 1

    /// The clock, the pending work and the serials.
    public var header: WorldStateHeader
    /// The enterprises, in name order.
    public var enterprises: [EnterpriseState]

    /// The clock's reading when the state was taken; a loaded state resumes from it.
    public var now: Timestamp { header.now }
    var tenants: [Tenant] { enterprises.map(\.tenant) }

    private enum CodingKeys: String, CodingKey { case format, version, enterprises }

    /// A state of these parts, enterprises put in name order.
    /// - Throws: ``WorldStateError`` when two enterprises share a name or an API key, a serial is
    ///   not below the header's next serial, or there is no enterprise.
    public init(header: WorldStateHeader, enterprises: [EnterpriseState]) throws(WorldStateError) {
        self.header = header
        self.enterprises = enterprises.sorted { $0.name < $1.name }
        var names: Set<String> = []
        var keys: Set<String> = []
        var serials: Set<UInt64> = []
        for tenant in tenants {
            guard names.insert(tenant.enterprise.name).inserted, keys.insert(tenant.enterprise.apiKey).inserted,
                serials.insert(tenant.serial).inserted, tenant.serial < header.nextTenantSerial
            else { throw WorldStateError(message: "enterprise '\(tenant.enterprise.name)' repeats a name, key or serial") }
        }
        guard !enterprises.isEmpty else { throw WorldStateError(message: "a world has at least one enterprise") }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container, debugDescription: "expected \"\(Self.format)\"")
        }
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.version else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: container, debugDescription: "this server reads version \(Self.version)")
        }
        let header = try WorldStateHeader(from: decoder)
        do {
            try self.init(header: header, enterprises: try container.decode([EnterpriseState].self, forKey: .enterprises))
            try checkBatchSteps()
        } catch let error as WorldStateError {
            throw DecodingError.dataCorruptedError(forKey: .enterprises, in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(Self.version, forKey: .version)
        try header.encode(to: encoder)
        try container.encode(enterprises, forKey: .enterprises)
    }

    /// Refuses a document whose running batch job (the first queued of an enterprise) has no
    /// scheduled step: it would never run, and every later job of that enterprise would wait forever.
    private func checkBatchSteps() throws(WorldStateError) {
        for tenant in tenants {
            guard let running = tenant.batchQueue.first else { continue }
            let hasStep: Bool
            if let ownClock = tenant.ownClock {
                // An enterprise with its own clock keeps its pending work with that clock.
                hasStep = ownClock.scheduler.contains { $0 == .batchStep(jobId: running) }
            } else {
                let step = ScheduledWork.tenant(serial: tenant.serial, enterprise: tenant.enterprise.name, work: .batchStep(jobId: running))
                hasStep = header.scheduler.contains { $0 == step }
            }
            guard hasStep else {
                throw WorldStateError(message: "enterprise '\(tenant.enterprise.name)': queued batch job \(running) has no scheduled step")
            }
        }
    }

    /// The names of the enterprises of the state, in name order.
    public var enterpriseNames: [String] { enterprises.map(\.name) }
}

/// Why parts do not make a state.
public struct WorldStateError: Error, Sendable {
    /// What is wrong, for people.
    public var message: String
}

extension WorldState {
    /// The world a seed starts as: its enterprises as seeded, the clock at its start time (in
    /// `clockMode` at `clockScale`), nothing pending but the seed's own prepaid terms.
    public static func initial(of seed: WorldSeed, clockMode: ClockMode, clockScale: Double) -> WorldState {
        let world = World(seed: seed, clockMode: clockMode, clockScale: clockScale, wallMilliseconds: 0)
        return world.state(at: seed.startTime, wallMilliseconds: 0)
    }
}
