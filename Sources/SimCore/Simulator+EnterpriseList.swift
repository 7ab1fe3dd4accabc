extension Simulator {
    /// Every enterprise with its API key: the demo enterprise first, then the others by name.
    public func enterprises() -> [Enterprise] {
        readWorld { world, _ in
            world.tenants.values.map(\.enterprise).sorted { first, second in
                if (first.name == demoEnterpriseName) != (second.name == demoEnterpriseName) { return first.name == demoEnterpriseName }
                return first.name < second.name
            }
        }
    }
}
