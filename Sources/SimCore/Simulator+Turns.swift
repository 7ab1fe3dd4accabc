extension Simulator {
    /// ``reset()`` once no advance runs: an advance waiting for push answers finishes first (or
    /// starts after), so the world is always that of one order of the two, never a mix.
    @discardableResult
    public func resetTakingTurn() async -> Timestamp {
        await advanceTurns.enter()
        defer { advanceTurns.leave() }
        return reset()
    }

    /// ``importState(_:)`` once no advance runs, like ``resetTakingTurn()``.
    public func importStateTakingTurn(_ state: WorldState) async {
        await advanceTurns.enter()
        defer { advanceTurns.leave() }
        importState(state)
    }

    /// ``restoreSnapshot(named:)`` once no advance runs, like ``resetTakingTurn()``.
    /// - Throws: `notFound` for an unknown name.
    @discardableResult
    public func restoreSnapshotTakingTurn(named name: String) async throws(SimError) -> SnapshotInfo {
        await advanceTurns.enter()
        defer { advanceTurns.leave() }
        return try restoreSnapshot(named: name)
    }
}
