/// The parts of a state other than its enterprises: the clock, the pending work and the next
/// tenant serial. Stored apart from the enterprises, so that a change of one enterprise rewrites
/// only that enterprise.
public struct WorldStateHeader: Sendable, Codable {
    public var now: Timestamp
    public var clockMode: ClockMode
    public var clockScale: Double
    var scheduler: Scheduler<ScheduledWork>
    var nextTenantSerial: UInt64

    private enum CodingKeys: String, CodingKey { case now, clockMode, clockScale, scheduled, nextTenantSerial }

    init(now: Timestamp, clockMode: ClockMode, clockScale: Double, scheduler: Scheduler<ScheduledWork>, nextTenantSerial: UInt64) {
        self.now = now
        self.clockMode = clockMode
        self.clockScale = clockScale
        self.scheduler = scheduler
        self.nextTenantSerial = nextTenantSerial
    }

    /// This header, when its clock's reading and scale are in range.
    /// - Throws: ``WorldStateError`` otherwise.
    public func checked() throws(WorldStateError) -> WorldStateHeader {
        guard now <= .latest, clockScale.isFinite, clockScale > 0, clockScale <= 1_000_000 else {
            throw WorldStateError(message: "the clock's reading or scale is out of range")
        }
        return self
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        now = try container.decode(Timestamp.self, forKey: .now)
        clockMode = try container.decode(ClockMode.self, forKey: .clockMode)
        clockScale = try container.decode(Double.self, forKey: .clockScale)
        guard now <= .latest, clockScale.isFinite, clockScale > 0, clockScale <= 1_000_000 else {
            throw DecodingError.dataCorruptedError(forKey: .now, in: container, debugDescription: "the clock's reading or scale is out of range")
        }
        scheduler = try container.decode(Scheduler<ScheduledWork>.self, forKey: .scheduled)
        nextTenantSerial = try container.decode(UInt64.self, forKey: .nextTenantSerial)
        guard NumberRanges.counter.contains(nextTenantSerial) else {
            throw DecodingError.dataCorruptedError(
                forKey: .nextTenantSerial, in: container, debugDescription: "nextTenantSerial is 0 to \(NumberRanges.counter.upperBound)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(now, forKey: .now)
        try container.encode(clockMode, forKey: .clockMode)
        try container.encode(clockScale, forKey: .clockScale)
        try container.encode(scheduler, forKey: .scheduled)
        try container.encode(nextTenantSerial, forKey: .nextTenantSerial)
    }
}

/// One enterprise of a state, with all it owns.
public struct EnterpriseState: Sendable, Codable {
    let tenant: Tenant

    /// The enterprise's name.
    public var name: String { tenant.enterprise.name }

    init(_ tenant: Tenant) { self.tenant = tenant }

    public init(from decoder: any Decoder) throws {
        tenant = try decoder.singleValueContainer().decode(Tenant.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tenant)
    }
}
