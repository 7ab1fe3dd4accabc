import ArgumentParser
import Testing

@testable import smarthub_sim

@Suite("Environment resolver: command line, then SMARTHUB_SIM_<OPTION>, then the default")
struct EnvironmentResolverTests {
    @Test(
        "an option's variable is SMARTHUB_SIM_ and its name in capitals, dashes as underscores",
        arguments: [("port", "SMARTHUB_SIM_PORT"), ("data-dir", "SMARTHUB_SIM_DATA_DIR"), ("journal-body-limit", "SMARTHUB_SIM_JOURNAL_BODY_LIMIT")])
    func variableNames(option: String, variable: String) {
        #expect(EnvironmentResolver.variableName(forOption: option) == variable)
    }

    @Test("the command line wins over the variable")
    func commandLineWins() throws {
        // Given a variable and a command-line value, when resolved, then the command line's value is used
        let resolver = EnvironmentResolver(environment: ["SMARTHUB_SIM_PORT": "9090"])
        let port = try resolver.resolve(7070, option: "port", default: 8080)
        #expect(port.value == 7070)
        #expect(port.origin == .commandLine(option: "port"))
    }

    @Test("the variable wins over the default")
    func variableWinsOverDefault() throws {
        let resolver = EnvironmentResolver(environment: ["SMARTHUB_SIM_PORT": "9090"])
        let port = try resolver.resolve(nil as Int?, option: "port", default: 8080)
        #expect(port.value == 9090)
        #expect(port.origin == .environment(variable: "SMARTHUB_SIM_PORT"))
    }

    @Test("without either, the default; an empty variable counts as unset", arguments: [[:], ["SMARTHUB_SIM_PORT": ""]])
    func defaultWhenUnset(environment: [String: String]) throws {
        let port = try EnvironmentResolver(environment: environment).resolve(nil as Int?, option: "port", default: 8080)
        #expect(port.value == 8080)
        #expect(port.origin == .defaultValue(option: "port"))
    }

    @Test("an option without a default is nil when neither the command line nor the variable gives it")
    func optionalStaysNil() throws {
        #expect(try EnvironmentResolver(environment: [:]).resolve(nil as String?, option: "admin-token") == nil)
        #expect(
            try EnvironmentResolver(environment: ["SMARTHUB_SIM_ADMIN_TOKEN": "t0k"]).resolve(nil as String?, option: "admin-token")?.value == "t0k")
    }

    @Test("a variable that does not parse is refused, naming the variable, its text and what was expected")
    func invalidVariable() {
        let resolver = EnvironmentResolver(environment: ["SMARTHUB_SIM_PORT": "eighty", "SMARTHUB_SIM_CLOCK": "slow"])
        #expect {
            try resolver.resolve(nil as Int?, option: "port", default: 8080)
        } throws: { error in
            "\(error)" == "SMARTHUB_SIM_PORT='eighty' is not valid: expected a whole number"
        }
        #expect {
            try resolver.resolve(nil as ClockModeArgument?, option: "clock", default: .real)
        } throws: { error in
            "\(error)" == "SMARTHUB_SIM_CLOCK='slow' is not valid: expected one of manual, real"
        }
    }

    @Test("a refused value names where it came from")
    func requirementNamesOrigin() {
        let fromVariable = ResolvedSetting(value: 70000, origin: .environment(variable: "SMARTHUB_SIM_PORT"))
        #expect {
            try fromVariable.require(false, "be between 0 and 65535")
        } throws: { error in
            (error as? ValidationError)?.message == "SMARTHUB_SIM_PORT must be between 0 and 65535 (it is 70000)"
        }
        let fromFlag = ResolvedSetting(value: 70000, origin: .commandLine(option: "port"))
        #expect {
            try fromFlag.require(false, "be between 0 and 65535")
        } throws: { error in
            (error as? ValidationError)?.message == "--port must be between 0 and 65535 (it is 70000)"
        }
    }
}
