import ArgumentParser
import NIOCore
import NIOPosix

/// The program's entry point: runs ``SmarthubSim`` with Swift concurrency's tasks on the server's
/// event loops, so that a request's handler runs on the thread that read it instead of hopping to
/// a second pool of threads and back.
@main
enum Entry {
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await SmarthubSim.main()
    }
}
