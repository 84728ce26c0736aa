import Foundation
import Testing

@testable import RBankCLI

@Suite("Provider selection")
struct ProviderSelectionTests {
    private func load(_ environment: [String: String], flags: [String: String] = [:]) throws -> Configuration {
        let folder = try ConfigTestFolder()
        return try Configuration.load(flags: flags, environment: environment, workingDirectory: folder.url)
    }

    @Test("No provider and no key: the offline model")
    func offlineByDefault() throws {
        let configuration = try load(["PATH": "/usr/bin", "HOME": "/root"])
        #expect(configuration.usesOfflineModel)
        let settings = try configuration.providerSettings()
        #expect(settings.provider == .offline)
        #expect(settings.isOffline)
        #expect(settings.providerSource == .derived("no API key is set"))
        #expect(settings.apiKey == nil)
        #expect(settings.agentDescriptor.isSimulation)
        #expect(settings.agentDescriptor.displayName.hasSuffix("(simulation)"))
    }

    @Test("No provider but a key: the key's provider")
    func inferredFromKey() throws {
        let configuration = try load(["OPENAI_API_KEY": "k-openai", "GEMINI_API_KEY": "k-gemini"])
        #expect(!configuration.usesOfflineModel)
        let settings = try configuration.providerSettings()
        #expect(settings.provider == .openai)
        #expect(settings.providerSource == .derived("OPENAI_API_KEY is set"))
        #expect(settings.apiKey?.exposedValue == "k-openai")
        #expect(settings.apiKeyVariable == "OPENAI_API_KEY")
        #expect(settings.agentModel == "gpt-4o")
        #expect(!settings.agentDescriptor.isSimulation)
    }

    @Test(
        "A named provider without its key is an error naming the variable to set",
        arguments: [
            ("anthropic", "ANTHROPIC_API_KEY"), ("openai", "OPENAI_API_KEY"), ("google", "GOOGLE_API_KEY"),
            ("gemini", "GEMINI_API_KEY"),
        ])
    func missingKey(provider: String, variable: String) throws {
        let configuration = try load([:], flags: ["LLM_PROVIDER": provider])
        #expect(!configuration.usesOfflineModel)
        do {
            _ = try configuration.providerSettings()
            Issue.record("expected an error")
        } catch {
            guard case .missingAPIKey(let named, let source, let variables) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(named == provider)
            #expect(source == .flag)
            #expect(variables.first == variable)
            #expect(error.description.contains("Set \(variable)"))
            #expect(error.variable == variable)
        }
        #expect(configuration.problems.count == 1)
    }

    @Test("google and gemini accept either Gemini key")
    func geminiKeys() throws {
        let google = try load(["LLM_PROVIDER": "google", "GEMINI_API_KEY": "g"]).providerSettings()
        #expect(google.apiKeyVariable == "GEMINI_API_KEY")
        #expect(google.agentModel == "gemini-2.5-flash")
        let gemini = try load(["LLM_PROVIDER": "gemini", "GOOGLE_API_KEY": "g1", "GEMINI_API_KEY": "g2"]).providerSettings()
        #expect(gemini.apiKey?.exposedValue == "g2")
    }

    @Test("openai-compatible needs a base URL and a model, not a key")
    func openAICompatible() throws {
        let noURL = try load(["LLM_PROVIDER": "openai-compatible", "LLM_MODEL": "llama3"])
        #expect { try noURL.providerSettings() } throws: { ($0 as? ConfigurationError)?.variable == "OPENAI_BASE_URL" }
        let noModel = try load(["LLM_PROVIDER": "openai-compatible", "OPENAI_BASE_URL": "http://localhost:11434/v1"])
        #expect { try noModel.providerSettings() } throws: { ($0 as? ConfigurationError)?.variable == "LLM_MODEL" }
        let settings = try load([
            "LLM_PROVIDER": "openai-compatible", "OPENAI_BASE_URL": "http://localhost:11434/v1", "LLM_MODEL": "llama3",
            "JUDGE_MODEL": "qwen",
        ]).providerSettings()
        #expect(settings.baseURL?.absoluteString == "http://localhost:11434/v1")
        #expect(settings.apiKey == nil)
        #expect(settings.agentModel == "llama3")
        #expect(settings.judgeModel == "qwen")
        #expect(settings.extractorModel == "llama3")
    }

    @Test("An explicit offline provider wins over keys")
    func explicitOffline() throws {
        let configuration = try load(["ANTHROPIC_API_KEY": "k"], flags: ["LLM_PROVIDER": "offline"])
        #expect(configuration.usesOfflineModel)
        #expect(try configuration.providerSettings().provider == .offline)
    }
}
