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

    /// The clock's reading when the state was taken; a loaded state resumes from it.
    public var now: Timestamp
    public var clockMode: ClockMode
    public var clockScale: Double
    var scheduler: Scheduler<ScheduledWork>
    var tenants: [Tenant]
    var nextTenantSerial: UInt64

    private enum CodingKeys: String, CodingKey { case format, version, now, clockMode, clockScale, scheduled, enterprises, nextTenantSerial }

    init(
        now: Timestamp, clockMode: ClockMode, clockScale: Double, scheduler: Scheduler<ScheduledWork>, tenants: [Tenant], nextTenantSerial: UInt64
    ) {
        self.now = now
        self.clockMode = clockMode
        self.clockScale = clockScale
        self.scheduler = scheduler
        self.tenants = tenants
        self.nextTenantSerial = nextTenantSerial
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
        now = try container.decode(Timestamp.self, forKey: .now)
        clockMode = try container.decode(ClockMode.self, forKey: .clockMode)
        clockScale = try container.decode(Double.self, forKey: .clockScale)
        guard now <= .latest, clockScale.isFinite, clockScale > 0, clockScale <= 1_000_000 else {
            throw DecodingError.dataCorruptedError(forKey: .now, in: container, debugDescription: "the clock's reading or scale is out of range")
        }
        scheduler = try container.decode(Scheduler<ScheduledWork>.self, forKey: .scheduled)
        tenants = try container.decode([Tenant].self, forKey: .enterprises)
        nextTenantSerial = try container.decode(UInt64.self, forKey: .nextTenantSerial)
        var names: Set<String> = []
        var keys: Set<String> = []
        for tenant in tenants {
            guard names.insert(tenant.enterprise.name).inserted, keys.insert(tenant.enterprise.apiKey).inserted,
                tenant.serial < nextTenantSerial
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .enterprises, in: container, debugDescription: "enterprise '\(tenant.enterprise.name)' repeats a name, key or serial")
            }
        }
        guard !tenants.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .enterprises, in: container, debugDescription: "a world has at least one enterprise")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(Self.version, forKey: .version)
        try container.encode(now, forKey: .now)
        try container.encode(clockMode, forKey: .clockMode)
        try container.encode(clockScale, forKey: .clockScale)
        try container.encode(scheduler, forKey: .scheduled)
        try container.encode(tenants, forKey: .enterprises)
        try container.encode(nextTenantSerial, forKey: .nextTenantSerial)
    }

    /// The names of the enterprises of the state, in name order.
    public var enterpriseNames: [String] { tenants.map(\.enterprise.name) }
}

extension WorldState {
    /// The world a seed starts as: its enterprises as seeded, the clock at its start time (in
    /// `clockMode` at `clockScale`), nothing pending but the seed's own prepaid terms.
    public static func initial(of seed: WorldSeed, clockMode: ClockMode, clockScale: Double) -> WorldState {
        let world = World(seed: seed, clockMode: clockMode, clockScale: clockScale, wallMilliseconds: 0)
        return world.state(at: seed.startTime)
    }
}
