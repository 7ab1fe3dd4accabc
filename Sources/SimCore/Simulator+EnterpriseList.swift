/// An enterprise with the clock it lives by, as the control API lists it.
public struct ListedEnterprise: Equatable, Sendable {
    /// The enterprise (name, key, status, created time).
    public var enterprise: Enterprise
    /// Its own clock's reading, or the world clock's when it shares it (``ClockReading/isOwn`` tells which).
    public var clock: ClockReading
}

extension Simulator {
    /// Every enterprise with its API key: the demo enterprise first, then the others by name.
    public func enterprises() -> [Enterprise] {
        listedEnterprises().map(\.enterprise)
    }

    /// Every enterprise with the clock it lives by: the demo enterprise first, then the others by name.
    public func listedEnterprises() -> [ListedEnterprise] {
        let wall = wallMilliseconds
        return readWorld { world, _ in
            world.tenants.values.map { tenant in
                let name = tenant.enterprise.name
                let clock = world.clock(ownClockOf: world.ownClockName(name))
                let reading = ClockReading(
                    now: world.now(of: name, wallMilliseconds: wall), mode: clock.mode, scale: clock.scale, isOwn: tenant.ownClock != nil)
                return ListedEnterprise(enterprise: tenant.enterprise, clock: reading)
            }
            .sorted { first, second in
                let (first, second) = (first.enterprise, second.enterprise)
                if (first.name == demoEnterpriseName) != (second.name == demoEnterpriseName) { return first.name == demoEnterpriseName }
                return first.name < second.name
            }
        }
    }
}
