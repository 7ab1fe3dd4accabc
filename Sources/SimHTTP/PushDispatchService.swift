import Hummingbird
import ServiceLifecycle
import SimCore

/// Delivers the push attempts the simulator queues as they fall due, each batch on its own
/// child task, so a slow or dead receiver never holds up the API or other pushes.
public struct PushDispatchService: Service {
    let simulator: Simulator

    /// A service delivering `simulator`'s pushes.
    public init(simulator: Simulator) {
        self.simulator = simulator
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            for await batch in simulator.deliveryRequests.cancelOnGracefulShutdown() {
                group.addTask { await simulator.deliver(batch) }
            }
        }
    }
}
