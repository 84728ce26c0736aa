import Foundation
import Logging
import Testing

@testable import RBankCLI

@Suite("Secrets stay secret")
struct SecretHandlingTests {
    static let anthropicKey = "sk-ant-api03-Zq8yXw7vUt6sRq5pOn4mLk3jIh2gFe1dCb0a"
    static let openAIKey = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
    static let googleKey = "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"
    static let oddKey = "plain-secret-without-a-known-shape"
    static let allKeys = [anthropicKey, openAIKey, googleKey, oddKey]

    private func configuration(in folder: ConfigTestFolder, flags: [String: String] = [:]) throws -> Configuration {
        try folder.write(".env", "OPENAI_API_KEY='\(Self.openAIKey)'\nGEMINI_API_KEY=\(Self.oddKey)\n")
        try folder.write("reasoningbank.toml", "[google]\napi_key = \"\(Self.googleKey)\"\n")
        return try Configuration.load(
            flags: flags, environment: ["ANTHROPIC_API_KEY": Self.anthropicKey], workingDirectory: folder.url)
    }

    private func expectNoSecret(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in Self.allKeys {
            #expect(!text.contains(key), "a key leaked: \(text)", sourceLocation: sourceLocation)
            #expect(!text.contains(String(key.suffix(12))), "part of a key leaked: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("report() shows only that a secret is set and where from")
    func report() throws {
        let folder = try ConfigTestFolder()
        let configuration = try configuration(in: folder)
        let report = configuration.report()
        let rendered = report.map { "\($0.name) \($0.value) \($0.source) \($0.overridden) \($0.problem ?? "")" }
            .joined(separator: "\n")
        expectNoSecret(rendered)
        expectNoSecret(String(describing: report))
        expectNoSecret(String(reflecting: report))
        let byName = Dictionary(uniqueKeysWithValues: report.map { ($0.name, $0) })
        #expect(byName["ANTHROPIC_API_KEY"]?.value == "set (environment), redacted")
        #expect(byName["ANTHROPIC_API_KEY"]?.isSecret == true)
        #expect(byName["OPENAI_API_KEY"]?.value == "set (.env \(folder.path(".env")):1), redacted")
        #expect(byName["GOOGLE_API_KEY"]?.source == .toml(path: folder.path("reasoningbank.toml"), key: "google.api_key"))
        #expect(byName["GEMINI_API_KEY"]?.value.hasSuffix("redacted") == true)
        #expect(byName["LLM_PROVIDER"]?.value == "anthropic")
        #expect(byName["LLM_PROVIDER"]?.source == .derived("ANTHROPIC_API_KEY is set"))
    }

    @Test("A key pasted into an ordinary variable is redacted in report() and in errors")
    func keyInWrongPlace() throws {
        let folder = try ConfigTestFolder()
        let configuration = try configuration(
            in: folder, flags: ["LLM_MODEL": Self.oddKey, "AGENT_TEMPERATURE": Self.anthropicKey])
        expectNoSecret(configuration.report().map(\.value).joined(separator: "\n"))
        expectNoSecret(configuration.report().compactMap(\.problem).joined(separator: "\n"))
        do {
            _ = try configuration.agentTemperature
            Issue.record("expected an error")
        } catch {
            expectNoSecret(error.description)
            #expect(error.description.contains("AGENT_TEMPERATURE=\"[redacted]\" (from flag)"))
        }
    }

    @Test("Errors about secret variables never echo the value")
    func secretErrors() throws {
        let error = ConfigurationError.invalidValue(
            variable: "OPENAI_API_KEY", value: nil, source: .environment, expected: "an API key")
        #expect(error.description.contains("OPENAI_API_KEY"))
        #expect(error.description.contains("not shown"))
        let folder = try ConfigTestFolder()
        try folder.write("reasoningbank.toml", "openai_api_key = \"\(Self.openAIKey)\"\ntop_k_retrieval = \n")
        do {
            _ = try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
            Issue.record("expected an error")
        } catch {
            expectNoSecret(error.description)
        }
    }

    @Test("Provider settings do not print their key")
    func providerSettings() throws {
        let folder = try ConfigTestFolder()
        let settings = try configuration(in: folder).providerSettings()
        #expect(settings.apiKey?.exposedValue == Self.anthropicKey)
        expectNoSecret(String(describing: settings))
        expectNoSecret(String(reflecting: settings))
        var dumped = ""
        dump(settings, to: &dumped)
        expectNoSecret(dumped)
    }

    @Test("The log file never holds a key, even when a message and metadata carry one")
    func logFile() throws {
        let folder = try ConfigTestFolder()
        let configuration = try configuration(in: folder, flags: ["LOG_FILE": "logs/deep/rbank.log", "LOG_LEVEL": "debug"])
        let factory = try LoggingBootstrap.makeFactory(configuration: configuration)
        var logger = Logger(label: "rbank.test", factory: factory)
        logger[metadataKey: "handler"] = "\(Self.googleKey)"
        logger.info(
            "calling with key \(Self.anthropicKey) and \(Self.oddKey)",
            metadata: ["authorization": "Bearer \(Self.openAIKey)"])
        logger.debug("an unrelated key-shaped token sk-\(String(repeating: "x", count: 30)) too")
        logger.trace("below the level")
        let text = try String(contentsOf: folder.url.appending(path: "logs/deep/rbank.log"), encoding: .utf8)
        expectNoSecret(text)
        #expect(!text.contains("sk-xxxxxxxx"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("INFO [rbank.test] calling with key [redacted] and [redacted]"))
        #expect(lines[0].contains("authorization=Bearer [redacted]"))
        #expect(lines[0].contains("handler=[redacted]"))
        #expect(lines[1].contains("DEBUG"))
        #expect(!text.contains("below the level"))
    }
}

@Suite("Printing configuration values")
struct ConfigurationPrintingTests {
    @Test("Printing or dumping a configuration or its values never shows a key")
    func printing() throws {
        let folder = try ConfigTestFolder()
        let key = SecretHandlingTests.anthropicKey
        let configuration = try Configuration.load(
            flags: [:], environment: ["ANTHROPIC_API_KEY": key, "LLM_MODEL": "m"], workingDirectory: folder.url)
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(configuration.values("ANTHROPIC_API_KEY"), to: &dumped)
        dumped += String(describing: configuration) + String(reflecting: configuration)
        dumped += "\(configuration.value("ANTHROPIC_API_KEY")!)" + String(reflecting: configuration.value("ANTHROPIC_API_KEY")!)
        #expect(!dumped.contains(key))
        #expect(dumped.contains("ANTHROPIC_API_KEY=[redacted] (environment)"))
        #expect("\(configuration.value("LLM_MODEL")!)" == "LLM_MODEL=m (environment)")
        #expect(configuration.value("NO_SUCH_VARIABLE") == nil)
        #expect(ConfigurationVariable.markdownDocumentation().contains("`[llm]` + `provider` → `LLM_PROVIDER`"))
    }
}
