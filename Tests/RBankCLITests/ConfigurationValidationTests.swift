import Foundation
import Testing

@testable import RBankCLI

@Suite("Configuration validation")
struct ConfigurationValidationTests {
    struct Case: Sendable, CustomStringConvertible {
        var variable: String
        var value: String
        var expected: String
        var description: String { "\(variable)=\(value)" }
    }

    static let badValues: [Case] = [
        Case(variable: "AGENT_TEMPERATURE", value: "hot", expected: "a number from 0 to 2"),
        Case(variable: "JUDGE_TEMPERATURE", value: "2.5", expected: "a number from 0 to 2"),
        Case(variable: "EXTRACTOR_TEMPERATURE", value: "nan", expected: "a number from 0 to 2"),
        Case(variable: "TOP_K_RETRIEVAL", value: "0", expected: "a whole number of at least 1"),
        Case(variable: "MAX_STEPS_PER_TASK", value: "ten", expected: "a whole number of at least 1"),
        Case(variable: "MAX_MEMORY_ITEMS_PER_TRAJECTORY", value: "-1", expected: "a whole number of at least 1"),
        Case(variable: "MAX_MEMORY_ITEMS_AGGREGATED", value: "1.5", expected: "a whole number of at least 1"),
        Case(variable: "EMBEDDING_DIMENSION", value: "0", expected: "a whole number of at least 1"),
        Case(variable: "LLM_PROVIDER", value: "foo", expected: "one of anthropic, openai, google, gemini, openai-compatible, offline"),
        Case(variable: "RETRIEVAL_KEY", value: "title", expected: "one of query, item-text"),
        Case(variable: "MEMORY_MODE", value: "everything", expected: "one of none, reasoningbank"),
        Case(variable: "LOG_LEVEL", value: "verbose", expected: "one of trace, debug, info, notice, warning, error, critical"),
        Case(variable: "LEAKAGE_GUARD", value: "maybe", expected: "true or false"),
        Case(variable: "ENABLE_LOGGING", value: "2", expected: "true or false"),
        Case(variable: "EXTRACT_FROM_FAILURES", value: "y", expected: "true or false"),
        Case(variable: "SIMILARITY_FLOOR", value: "1.5", expected: "a number from -1 to 1, or none"),
        Case(variable: "OFFLINE_SEED", value: "-3", expected: "a whole number from 0 to"),
        Case(variable: "OPENAI_BASE_URL", value: "localhost:11434", expected: "an http or https URL"),
    ]

    @Test("A bad value names the variable, the source, the value and what is allowed", arguments: badValues)
    func badValueFromEnvironment(_ bad: Case) throws {
        let folder = try ConfigTestFolder()
        let configuration = try Configuration.load(
            flags: [:], environment: [bad.variable: bad.value], workingDirectory: folder.url)
        let problem = try #require(configuration.problems.first)
        #expect(problem.variable == bad.variable)
        guard case .invalidValue(let variable, let value, let source, let expected) = problem else {
            Issue.record("unexpected \(problem)")
            return
        }
        #expect(variable == bad.variable)
        #expect(value == bad.value)
        #expect(source == .environment)
        #expect(expected.hasPrefix(bad.expected))
        #expect(problem.description.contains(bad.variable))
        #expect(problem.description.contains("\"\(bad.value)\""))
        #expect(problem.description.contains("environment"))
        #expect(problem.description.contains(bad.expected))
        #expect(throws: problem) { try configuration.validate() }
        let entry = try #require(configuration.report().first { $0.name == bad.variable })
        #expect(entry.problem == problem.description)
    }

    @Test("The source in the message is the .env line or the TOML key it came from")
    func sourcesInMessages() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".env", "# settings\n\nAGENT_TEMPERATURE=hot\n")
        try folder.write("reasoningbank.toml", "[retrieval]\ntop_k = 0\n")
        let configuration = try Configuration.load(
            flags: ["LLM_PROVIDER": "foo"], environment: [:], workingDirectory: folder.url)

        #expect(throws: ConfigurationError.self) { try configuration.agentTemperature }
        do {
            _ = try configuration.agentTemperature
        } catch {
            #expect(error.description.contains(".env \(folder.path(".env")):3"))
            #expect(error.description.contains("AGENT_TEMPERATURE=\"hot\""))
        }
        do {
            _ = try configuration.topKRetrieval
        } catch {
            #expect(error.description.contains("toml \(folder.path("reasoningbank.toml")) (retrieval.top_k)"))
            #expect(error.description.contains("TOP_K_RETRIEVAL=\"0\""))
        }
        do {
            _ = try configuration.providerSettings()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("LLM_PROVIDER=\"foo\" (from flag)"))
            #expect(error.description.contains("openai-compatible"))
        }
        #expect(throws: ConfigurationError.self) { try configuration.loopSettings() }
        #expect(configuration.problems.count == 3)
    }

    @Test("Choices and booleans are case-insensitive; similarity floor accepts none")
    func lenientForms() throws {
        let folder = try ConfigTestFolder()
        let configuration = try Configuration.load(
            flags: [:],
            environment: [
                "LLM_PROVIDER": "OFFLINE", "LOG_LEVEL": "Warning", "LEAKAGE_GUARD": "FALSE", "SIMILARITY_FLOOR": "none",
                "MEMORY_MODE": "ReasoningBank", "TOP_K_RETRIEVAL": " 2 ",
            ],
            workingDirectory: folder.url)
        #expect(configuration.usesOfflineModel)
        #expect(try configuration.logLevel == .warning)
        #expect(try !configuration.leakageGuard)
        #expect(try configuration.similarityFloor == nil)
        #expect(try configuration.memoryMode == .reasoningbank)
        #expect(try configuration.topKRetrieval == 2)
        #expect(configuration.problems.isEmpty)
    }
}
