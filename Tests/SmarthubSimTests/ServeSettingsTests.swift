import ArgumentParser
import Logging
import Testing

@testable import smarthub_sim

@Suite("serve's settings from options and environment variables")
struct ServeSettingsTests {
    private func settings(_ arguments: [String], _ environment: [String: String]) throws -> ServeSettings {
        try ServeSettings(command: ServeCommand.parse(arguments), resolver: EnvironmentResolver(environment: environment))
    }

    @Test("without options or variables, the documented defaults")
    func defaults() throws {
        let settings = try settings([], [:])
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.seed == .embedded)
        #expect(settings.clock == .real)
        #expect(settings.clockScale == 1)
        #expect(settings.adminToken == nil)
        #expect(settings.logLevel == .info)
        #expect(settings.logFormat == .text)
        #expect(settings.generatedSIMs == 0)
        #expect(settings.dataDirectory == nil)
        #expect(settings.journalSize == 1000)
        #expect(settings.idleTimeoutSeconds == 60)
        #expect(settings.journalBodyLimit == 4096)
    }

    @Test("every option has a variable")
    func everyOptionFromTheEnvironment() throws {
        // Given every variable set, when resolved without options, then each setting is the variable's
        let settings = try settings(
            [],
            [
                "SMARTHUB_SIM_HOST": "0.0.0.0", "SMARTHUB_SIM_PORT": "9090", "SMARTHUB_SIM_SEED": "/seeds/x.yaml",
                "SMARTHUB_SIM_CLOCK": "manual", "SMARTHUB_SIM_CLOCK_SCALE": "60", "SMARTHUB_SIM_ADMIN_TOKEN": "t0k",
                "SMARTHUB_SIM_LOG_LEVEL": "warning", "SMARTHUB_SIM_LOG_FORMAT": "json", "SMARTHUB_SIM_GENERATE_SIMS": "10",
                "SMARTHUB_SIM_DATA_DIR": "/data",
                "SMARTHUB_SIM_JOURNAL_SIZE": "5", "SMARTHUB_SIM_JOURNAL_BODY_LIMIT": "7",
                "SMARTHUB_SIM_IDLE_TIMEOUT": "2.5",
            ])
        #expect(settings.host == "0.0.0.0")
        #expect(settings.port == 9090)
        #expect(settings.seed == .file(path: "/seeds/x.yaml"))
        #expect(settings.clock == .manual)
        #expect(settings.clockScale == 60)
        #expect(settings.adminToken == "t0k")
        #expect(settings.logLevel == .warning)
        #expect(settings.logFormat == .json)
        #expect(settings.generatedSIMs == 10)
        #expect(settings.dataDirectory == "/data")
        #expect(settings.journalSize == 5)
        #expect(settings.journalBodyLimit == 7)
        #expect(settings.idleTimeoutSeconds == 2.5)
    }

    @Test("the help of every option names its variable")
    func helpNamesEveryVariable() {
        let help = ServeCommand.helpMessage(columns: 1000)
        // The OPTIONS section: one line per option, `  --name <value>   help…`.
        let options = Set(help.matches(of: #/\n  --([a-z-]+) </#).map { String($0.output.1) })
        #expect(options.count == 14)
        for option in options {
            #expect(help.contains("--\(option) <") && help.contains("env: \(EnvironmentResolver.variableName(forOption: option))"), "\(option)")
        }
    }

    @Test("an option on the command line wins over its variable")
    func commandLineWins() throws {
        let settings = try settings(
            ["--port", "7070", "--clock", "real", "--seed", "mine.yaml"],
            ["SMARTHUB_SIM_PORT": "9090", "SMARTHUB_SIM_CLOCK": "manual", "SMARTHUB_SIM_SEED_YAML": "name: x"])
        #expect(settings.port == 7070)
        #expect(settings.clock == .real)
        #expect(settings.seed == .file(path: "mine.yaml"))
    }

    @Test("SMARTHUB_SIM_SEED_YAML holds a seed document itself")
    func seedDocumentVariable() throws {
        let settings = try settings([], ["SMARTHUB_SIM_SEED_YAML": "startTime: x"])
        #expect(settings.seed == .document(text: "startTime: x", variable: "SMARTHUB_SIM_SEED_YAML"))
    }

    @Test("a seed path and a seed document together are refused, naming both variables")
    func bothSeedVariablesRefused() {
        #expect {
            try settings([], ["SMARTHUB_SIM_SEED": "/seeds/x.yaml", "SMARTHUB_SIM_SEED_YAML": "startTime: x"])
        } throws: { error in
            let message = (error as? ValidationError)?.message ?? ""
            return message.contains("SMARTHUB_SIM_SEED ") && message.contains("SMARTHUB_SIM_SEED_YAML")
        }
    }

    @Test(
        "a value out of range is refused, naming the variable it came from",
        arguments: [
            ("SMARTHUB_SIM_PORT", "70000"), ("SMARTHUB_SIM_CLOCK_SCALE", "0"), ("SMARTHUB_SIM_GENERATE_SIMS", "-1"),
            ("SMARTHUB_SIM_JOURNAL_SIZE", "-1"), ("SMARTHUB_SIM_JOURNAL_BODY_LIMIT", "-1"), ("SMARTHUB_SIM_LOG_LEVEL", "loud"),
        ])
    func outOfRange(variable: String, text: String) {
        #expect {
            try settings([], [variable: text])
        } throws: { error in
            (error as? ValidationError)?.message.hasPrefix(variable) == true
        }
    }

    @Test("a value out of range on the command line is refused, naming the option")
    func outOfRangeOption() throws {
        // (parse would refuse it too, by the same check, but wraps the error)
        var command = try ServeCommand.parse([])
        command.port = 70000
        #expect {
            try ServeSettings(command: command, resolver: EnvironmentResolver(environment: [:]))
        } throws: { error in
            (error as? ValidationError)?.message.hasPrefix("--port must") == true
        }
    }
}
