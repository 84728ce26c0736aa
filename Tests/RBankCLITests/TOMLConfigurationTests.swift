import Foundation
import Testing

@testable import RBankCLI

@Suite("reasoningbank.toml")
struct TOMLConfigurationTests {
    private func load(_ toml: String, environment: [String: String] = [:]) throws -> (Configuration, ConfigTestFolder) {
        let folder = try ConfigTestFolder()
        try folder.write("reasoningbank.toml", toml)
        return (try Configuration.load(flags: [:], environment: environment, workingDirectory: folder.url), folder)
    }

    @Test("Flat keys are the variable names in lower case")
    func flatKeys() throws {
        let (configuration, folder) = try load(
            """
            llm_provider = "openai"
            openai_api_key = "not-a-real-key"
            llm_model = "gpt-4o-mini"
            agent_temperature = 0.3
            top_k_retrieval = 2
            leakage_guard = false
            similarity_floor = 0.5
            prompts_dir = "prompts/mine"
            """)
        let provider = try configuration.providerSettings()
        #expect(provider.provider == .openai)
        #expect(provider.agentModel == "gpt-4o-mini")
        #expect(provider.apiKey?.exposedValue == "not-a-real-key")
        #expect(try configuration.agentTemperature == 0.3)
        #expect(try configuration.topKRetrieval == 2)
        #expect(try !configuration.leakageGuard)
        #expect(try configuration.similarityFloor == 0.5)
        #expect(configuration.promptsDirectory.path == folder.path("prompts/mine"))
        #expect(configuration.value("LLM_MODEL")?.source == .toml(path: folder.path("reasoningbank.toml"), key: "llm_model"))
        #expect(configuration.warnings.contains { $0.contains("API key") })
    }

    @Test("Tables: the table path and key joined with _ name the variable; aliases too")
    func groupedKeys() throws {
        let (configuration, folder) = try load(
            """
            prompts = "p"

            [llm]
            provider = "anthropic"
            model = "claude-x"

            [judge]
            model = "judge-x"
            temperature = 0.1

            [anthropic]
            api_key = "abc"

            [retrieval]
            top_k = 3
            key = "item-text"
            similarity_floor = -0.5

            [agent]
            max_steps = 11

            [log]
            level = "warning"
            file = "logs/x.log"

            [memory]
            mode = "none"
            """)
        let path = folder.path("reasoningbank.toml")
        let provider = try configuration.providerSettings()
        #expect(provider.provider == .anthropic)
        #expect(provider.agentModel == "claude-x")
        #expect(provider.judgeModel == "judge-x")
        #expect(provider.extractorModel == "claude-x")
        #expect(try configuration.judgeTemperature == 0.1)
        #expect(try configuration.topKRetrieval == 3)
        #expect(try configuration.retrievalKey == .itemText)
        #expect(try configuration.similarityFloor == -0.5)
        #expect(try configuration.maxStepsPerTask == 11)
        #expect(try configuration.logLevel == .warning)
        #expect(try configuration.memoryMode == .none)
        #expect(configuration.logFile.path == folder.path("logs/x.log"))
        #expect(configuration.promptsDirectory.path == folder.path("p"))
        #expect(configuration.value("LLM_PROVIDER")?.source == .toml(path: path, key: "llm.provider"))
        #expect(configuration.value("TOP_K_RETRIEVAL")?.source == .toml(path: path, key: "retrieval.top_k"))
    }

    @Test("Dotted keys and inline tables work like tables")
    func dottedKeys() throws {
        let (configuration, _) = try load("llm.provider = \"offline\"\nextractor = { temperature = 0.9 }\n")
        #expect(configuration.usesOfflineModel)
        #expect(try configuration.extractorTemperature == 0.9)
    }

    @Test("Unknown keys are warnings with a suggestion, not errors")
    func unknownKeys() throws {
        let (configuration, _) = try load("[llm]\nprovder = \"openai\"\n\n[ui]\nsparkles = \"on\"\n")
        #expect(configuration.warnings.count == 2)
        #expect(configuration.warnings.contains { $0.contains("`llm.provder`") && $0.contains("did you mean `llm.provider`") })
        #expect(configuration.warnings.contains { $0.contains("`ui.sparkles`") })
        #expect(configuration.usesOfflineModel)
    }

    @Test("Two keys for one variable are refused")
    func conflictingKeys() throws {
        #expect {
            try load("llm_provider = \"openai\"\n[llm]\nprovider = \"google\"\n")
        } throws: { error in
            guard case .conflictingTOMLKeys(_, let variable, let keys) = error as? ConfigurationError else { return false }
            return variable == "LLM_PROVIDER" && Set(keys) == ["llm_provider", "llm.provider"]
        }
    }

    @Test("Arrays are not values")
    func unsupportedValue() throws {
        #expect {
            try load("top_k_retrieval = [1, 2]\n")
        } throws: { error in
            guard case .unsupportedTOMLValue(_, let key, let variable, _) = error as? ConfigurationError else { return false }
            return key == "top_k_retrieval" && variable == "TOP_K_RETRIEVAL"
        }
    }

    @Test("Invalid TOML is an error with the file and line")
    func malformed() throws {
        #expect {
            try load("top_k_retrieval = 1\nllm_provider = \n")
        } throws: { error in
            guard case .malformedTOML(let path, let line, _, _) = error as? ConfigurationError else { return false }
            return path.hasSuffix("reasoningbank.toml") && line == 2
        }
    }

    @Test("The file cannot point at another file")
    func configKeyIgnored() throws {
        let (configuration, _) = try load("rbank_config = \"elsewhere.toml\"\n")
        #expect(configuration.value("RBANK_CONFIG")?.source == .defaultValue)
        #expect(configuration.warnings.count == 1)
    }
}
