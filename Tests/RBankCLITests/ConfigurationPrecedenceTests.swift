import Foundation
import Testing

@testable import RBankCLI

@Suite("Configuration precedence")
struct ConfigurationPrecedenceTests {
    @Test("flags > environment > .env > toml > default, each with its source")
    func fiveLayers() throws {
        let folder = try ConfigTestFolder()
        let dotEnv = folder.path(".env")
        let toml = folder.path("reasoningbank.toml")
        var flags = ["AGENT_TEMPERATURE": "0.1"]
        var environment = ["AGENT_TEMPERATURE": "0.2"]
        try folder.write(".env", "# comment\nAGENT_TEMPERATURE=0.3\n")
        try folder.write("reasoningbank.toml", "agent_temperature = 0.4\n")

        func load() throws -> Configuration {
            try Configuration.load(flags: flags, environment: environment, workingDirectory: folder.url)
        }

        var configuration = try load()
        #expect(try configuration.agentTemperature == 0.1)
        #expect(configuration.value("AGENT_TEMPERATURE")?.source == .flag)
        let entry = try #require(configuration.report().first { $0.name == "AGENT_TEMPERATURE" })
        #expect(entry.source == .flag)
        #expect(entry.overridden == [.environment, .dotEnv(path: dotEnv, line: 2), .toml(path: toml, key: "agent_temperature")])

        flags = [:]
        configuration = try load()
        #expect(try configuration.agentTemperature == 0.2)
        #expect(configuration.value("AGENT_TEMPERATURE")?.source == .environment)

        environment = [:]
        configuration = try load()
        #expect(try configuration.agentTemperature == 0.3)
        #expect(configuration.value("AGENT_TEMPERATURE")?.source == .dotEnv(path: dotEnv, line: 2))

        try folder.remove(".env")
        configuration = try load()
        #expect(try configuration.agentTemperature == 0.4)
        #expect(configuration.value("AGENT_TEMPERATURE")?.source == .toml(path: toml, key: "agent_temperature"))
        #expect(configuration.tomlFile?.path == toml)
        #expect(configuration.dotEnvFile == nil)

        try folder.remove("reasoningbank.toml")
        configuration = try load()
        #expect(try configuration.agentTemperature == 0.7)
        #expect(configuration.value("AGENT_TEMPERATURE")?.source == .defaultValue)
        #expect(configuration.report().first { $0.name == "AGENT_TEMPERATURE" }?.overridden == [])
    }

    @Test("Each report entry names the layer that set it")
    func reportSources() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".env", "\nMAX_STEPS_PER_TASK=12\n")
        try folder.write("reasoningbank.toml", "[retrieval]\ntop_k = 2\n")
        let configuration = try Configuration.load(
            flags: ["LLM_MODEL": "m-flag"], environment: ["JUDGE_MODEL": "m-env"], workingDirectory: folder.url)
        let report = Dictionary(uniqueKeysWithValues: configuration.report().map { ($0.name, $0) })
        #expect(report.count == ConfigurationVariable.all.count)
        #expect(report["LLM_MODEL"]?.value == "m-flag")
        #expect(report["LLM_MODEL"]?.source == .flag)
        #expect(report["JUDGE_MODEL"]?.source == .environment)
        #expect(report["MAX_STEPS_PER_TASK"]?.source == .dotEnv(path: folder.path(".env"), line: 2))
        #expect(report["TOP_K_RETRIEVAL"]?.source == .toml(path: folder.path("reasoningbank.toml"), key: "retrieval.top_k"))
        #expect(report["TOP_K_RETRIEVAL"]?.value == "2")
        #expect(report["EXTRACTOR_MODEL"]?.value == "m-flag")
        #expect(report["EXTRACTOR_MODEL"]?.source == .derived("same as LLM_MODEL"))
        #expect(report["LEAKAGE_GUARD"]?.source == .defaultValue)
        #expect(report["LLM_PROVIDER"]?.value == "offline")
        #expect(report["LLM_PROVIDER"]?.source == .derived("no API key is set"))
        #expect(report["SIMILARITY_FLOOR"]?.value == "(unset)")
        #expect(report.values.allSatisfy { $0.problem == nil })
    }

    @Test("Defaults build the paper's loop settings and resolve paths against the working directory")
    func defaults() throws {
        let folder = try ConfigTestFolder()
        let configuration = try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
        let settings = try configuration.loopSettings()
        #expect(settings.agentTemperature == 0.7)
        #expect(settings.judgeTemperature == 0.0)
        #expect(settings.extractorTemperature == 1.0)
        #expect(settings.maxSteps == 30)
        #expect(settings.maxItemsPerTrajectory == 3)
        #expect(settings.memoryMode == .reasoningbank)
        #expect(settings.extractFromFailures)
        #expect(settings.retrieval.topK == 1)
        #expect(settings.retrieval.key == .query)
        #expect(settings.retrieval.similarityFloor == nil)
        #expect(settings.retrieval.leakageGuard)
        #expect(try configuration.maxMemoryItemsAggregated == 5)
        #expect(try configuration.embeddingDimension == 384)
        #expect(configuration.embeddingModel == "hashing")
        #expect(try configuration.offlineSeed == 0)
        #expect(try configuration.loggingEnabled)
        #expect(try configuration.logLevel == .info)
        #expect(configuration.memoryBankPath.path == folder.path("data/memory_bank.sqlite"))
        #expect(configuration.embeddingCachePath.path == folder.path("data/embeddings.json"))
        #expect(configuration.promptsDirectory.path == folder.path("data/prompts/default"))
        #expect(configuration.tasksDirectory.path == folder.path("data/tasks"))
        #expect(configuration.logFile.path == folder.path("data/reasoningbank.log"))
        #expect(configuration.problems.isEmpty)
        try configuration.validate()
    }

    @Test("Values set everywhere reach the loop settings")
    func customLoopSettings() throws {
        let folder = try ConfigTestFolder()
        let configuration = try Configuration.load(
            flags: ["SIMILARITY_FLOOR": "0.25", "RETRIEVAL_KEY": "Item-Text"],
            environment: [
                "MEMORY_MODE": "none", "EXTRACT_FROM_FAILURES": "no", "LEAKAGE_GUARD": "off", "TOP_K_RETRIEVAL": "4",
                "MAX_STEPS_PER_TASK": "7", "MAX_MEMORY_ITEMS_PER_TRAJECTORY": "2", "JUDGE_TEMPERATURE": "0.5",
                "EXTRACTOR_TEMPERATURE": "0.7", "LOG_LEVEL": "DEBUG", "OFFLINE_SEED": "42",
                "MEMORY_BANK_PATH": "/tmp/x/bank.sqlite", "PROMPTS_DIR": "~/prompts", "HOME": "/home/someone",
            ],
            workingDirectory: folder.url)
        let settings = try configuration.loopSettings()
        #expect(settings.retrieval.similarityFloor == 0.25)
        #expect(settings.retrieval.key == .itemText)
        #expect(settings.memoryMode == .none)
        #expect(!settings.extractFromFailures)
        #expect(!settings.retrieval.leakageGuard)
        #expect(settings.retrieval.topK == 4)
        #expect(settings.maxSteps == 7)
        #expect(settings.maxItemsPerTrajectory == 2)
        #expect(settings.judgeTemperature == 0.5)
        #expect(settings.extractorTemperature == 0.7)
        #expect(try configuration.logLevel == .debug)
        #expect(try configuration.offlineSeed == 42)
        #expect(configuration.memoryBankPath.path == "/tmp/x/bank.sqlite")
        #expect(configuration.promptsDirectory.path == "/home/someone/prompts")
    }

    @Test("An empty value counts as unset in its layer")
    func emptyValuesFallThrough() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".env", "TOP_K_RETRIEVAL=3\n")
        let configuration = try Configuration.load(
            flags: [:], environment: ["TOP_K_RETRIEVAL": ""], workingDirectory: folder.url)
        #expect(try configuration.topKRetrieval == 3)
    }

    @Test("RBANK_CONFIG selects another TOML file; a missing one is an error naming its source")
    func configFileLocation() throws {
        let folder = try ConfigTestFolder()
        try folder.write("conf/other.toml", "max_steps_per_task = 9\n")
        try folder.write("reasoningbank.toml", "max_steps_per_task = 1\n")
        let configuration = try Configuration.load(
            flags: [:], environment: ["RBANK_CONFIG": "conf/other.toml"], workingDirectory: folder.url)
        #expect(try configuration.maxStepsPerTask == 9)
        #expect(configuration.tomlFile?.path == folder.path("conf/other.toml"))

        try folder.write(".env", "RBANK_CONFIG=conf/missing.toml\n")
        #expect {
            try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
        } throws: { error in
            guard case .missingConfigFile(let path, let source) = error as? ConfigurationError else { return false }
            return path == folder.path("conf/missing.toml") && source == .dotEnv(path: folder.path(".env"), line: 1)
        }
    }

    @Test("A flag that is not a variable is refused")
    func unknownFlag() throws {
        let folder = try ConfigTestFolder()
        #expect(throws: ConfigurationError.unknownVariable(name: "NOT_A_THING", source: .flag)) {
            try Configuration.load(flags: ["NOT_A_THING": "1"], environment: [:], workingDirectory: folder.url)
        }
    }

    @Test("Every variable has a unique name and a documented row")
    func table() {
        let names = ConfigurationVariable.all.map(\.name)
        #expect(Set(names).count == names.count)
        let markdown = ConfigurationVariable.markdownTable()
        for name in names { #expect(markdown.contains("`\(name)`")) }
        let keys = ConfigurationVariable.all.flatMap(\.tomlKeys)
        #expect(Set(keys).count == keys.count)
    }
}
