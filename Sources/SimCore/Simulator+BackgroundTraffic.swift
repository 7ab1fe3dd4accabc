extension Simulator {
    /// The enterprise's background traffic setting.
    public func backgroundTraffic(enterprise: String) throws(SimError) -> BackgroundTraffic {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).backgroundTraffic }
    }

    /// Turns the enterprise's background traffic on or off; `bytesPerDay` nil keeps the current
    /// average. Returns the setting in force.
    ///
    /// ```swift
    /// _ = try simulator.setBackgroundTraffic(enabled: true, bytesPerDay: 10_485_760, enterprise: name)
    /// try await simulator.advanceAndDeliver(by: .days(30))   // a month of hourly sessions
    /// ```
    /// - Throws: `invalid` on `bytesPerDay` when it is negative.
    public func setBackgroundTraffic(enabled: Bool, bytesPerDay: Int64?, enterprise: String) throws(SimError) -> BackgroundTraffic {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.setBackgroundTraffic(enabled: enabled, bytesPerDay: bytesPerDay, at: now)
            }
        }
    }
}
