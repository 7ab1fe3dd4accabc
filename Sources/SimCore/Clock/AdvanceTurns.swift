import Synchronization

/// Lets one clock advance run at a time. An advance that delivers pushes waits for their answers
/// with the world unlocked; another advance must not move the clock meanwhile (it would run work
/// out of order, or set the clock back when it ends). Advances wait their turn in arrival order.
final class AdvanceTurns: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Waits until no other advance runs, then holds the turn until ``leave()``.
    func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let enteredAtOnce = state.withLock { state in
                guard state.busy else {
                    state.busy = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if enteredAtOnce { continuation.resume() }
        }
    }

    /// Gives the turn to the advance that has waited longest, if any.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
