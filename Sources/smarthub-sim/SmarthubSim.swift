import ArgumentParser

/// The `smarthub-sim` command: a local simulator of the Smarthub IoT SIM-management API.
struct SmarthubSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smarthub-sim",
        abstract: "A local simulator of the Smarthub IoT SIM-management REST API.",
        subcommands: [ServeCommand.self, ReplayCommand.self, RecordCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
