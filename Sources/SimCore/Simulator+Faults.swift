extension Simulator {
    /// Puts a fault in force for the enterprise; `times` nil applies it until deleted; `seed`
    /// makes the hits of an HTTP fault's probability reproducible (default: from the fault's id).
    ///
    /// ```swift
    /// let fault = try simulator.createFault(.outcome(.init(operation: .activate, giccid: giccid)), times: 1, seed: nil, enterprise: name)
    /// ```
    public func createFault(_ kind: Fault.Kind, times: Int?, seed: UInt64?, enterprise: String) throws(SimError) -> Fault {
        let wall = wallMilliseconds
        return try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.createFault(kind, times: times, seed: seed, wallMilliseconds: wall)
            }
        }
    }

    /// The enterprise's faults in force, oldest first.
    public func faults(enterprise: String) throws(SimError) -> [Fault] {
        try withWorld(for: enterprise) { world, _ throws(SimError) in try world.tenant(enterprise).faults.faults }
    }

    /// Removes one fault.
    /// - Throws: `notFound` when the enterprise has no fault `id`.
    public func deleteFault(id: String, enterprise: String) throws(SimError) {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                guard tenant.faults.remove(id: id) else { throw .notFound("Fault", field: "id") }
            }
        }
    }

    /// Removes every fault of the enterprise.
    public func deleteFaults(enterprise: String) throws(SimError) {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in tenant.faults.removeAll() }
        }
    }

    /// What the enterprise's faults do to a request of the public API (`method` in upper case,
    /// `path` without query), using up the applications it meets.
    public func httpFaultAction(method: String, path: String, enterprise: String) -> HTTPFaultAction {
        let wall = wallMilliseconds
        return readWorld(for: enterprise) { world, _ in
            guard let tenant = world.tenants[enterprise], tenant.faults.appliesToRequests else { return .none }
            world.touch(enterprise)
            return world.tenants[enterprise]!.faults.action(forMethod: method, path: path, wallMilliseconds: wall)
        }
    }
}
