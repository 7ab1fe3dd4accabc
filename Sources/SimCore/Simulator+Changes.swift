extension Simulator {
    /// What changed in the world since the last call (everything the first time, and after a
    /// reset, a state import or a snapshot restore), for a store that writes only what changed.
    /// The first call starts the tracking; its cost follows the change, not the world.
    public func takeChanges() -> WorldChangeSet {
        let wall = wallMilliseconds
        return readWorld { world, now in world.takeChanges(at: now, wallMilliseconds: wall) }
    }
}

extension Simulator {
    /// Makes the next ``takeChanges()`` return the whole world (after a store lost what it was given).
    public func markAllUnsaved() {
        readWorld { world, _ in world.unsaved.replaceEverything() }
    }
}

extension Simulator {
    /// Records that a store holds the world as it is now (just loaded from it): the next
    /// ``takeChanges()`` returns only what changes from here.
    public func markAllSaved() {
        readWorld { world, _ in world.markAllSaved() }
    }
}
