import Foundation

extension Configuration {
    /// True when the built-in offline model answers: `LLM_PROVIDER` is `offline`, or it is unset and
    /// no API key is set. A named provider whose key is missing is not offline: ``providerSettings()``
    /// then throws an error naming the variable to set.
    public var usesOfflineModel: Bool {
        if let explicit = try? explicitProvider() { return explicit == .offline }
        if isSet("LLM_PROVIDER") { return false }
        return inferredProvider().provider == .offline
    }

    /// The effective provider and where it came from: `LLM_PROVIDER` when set, else the provider of the
    /// first API key that is set, else `offline`.
    public func provider() throws(ConfigurationError) -> (provider: LLMProvider, source: ConfigurationSource) {
        if let value = value("LLM_PROVIDER"), let explicit = try explicitProvider() {
            return (explicit, value.source)
        }
        return inferredProvider()
    }

    /// Everything needed to build the language model: provider, models, key and base URL.
    ///
    /// - Throws: ``ConfigurationError/invalidValue(variable:value:source:expected:)`` for a bad
    ///   `LLM_PROVIDER` or `OPENAI_BASE_URL`; ``ConfigurationError/missingAPIKey(provider:providerSource:variables:)``
    ///   when the provider needs a key that is not set; ``ConfigurationError/missingSetting(variable:reason:)``
    ///   when `openai-compatible` has no `OPENAI_BASE_URL` or no `LLM_MODEL`.
    public func providerSettings() throws(ConfigurationError) -> ProviderSettings {
        let (provider, source) = try provider()
        let keyVariable = provider.keyVariables.first { isSet($0) }
        if provider.requiresKey, keyVariable == nil {
            throw .missingAPIKey(provider: provider.rawValue, providerSource: source, variables: provider.keyVariables)
        }
        let usesBaseURL = provider == .openai || provider == .openAICompatible
        let baseURL = usesBaseURL ? try openAIBaseURL : nil
        if provider == .openAICompatible, baseURL == nil {
            throw .missingSetting(
                variable: "OPENAI_BASE_URL",
                reason: "LLM_PROVIDER is openai-compatible (from \(source)); set OPENAI_BASE_URL to the server's "
                    + "base URL, e.g. http://localhost:11434/v1 for Ollama.")
        }
        guard let agentModel = value("LLM_MODEL")?.raw ?? provider.defaultModel else {
            throw .missingSetting(
                variable: "LLM_MODEL",
                reason: "LLM_PROVIDER is \(provider.rawValue) (from \(source)), which has no default model; "
                    + "set LLM_MODEL to the model id the server serves.")
        }
        return ProviderSettings(
            provider: provider, providerSource: source, agentModel: agentModel,
            judgeModel: value("JUDGE_MODEL")?.raw ?? agentModel,
            extractorModel: value("EXTRACTOR_MODEL")?.raw ?? agentModel,
            apiKey: keyVariable.flatMap { value($0) }.map { SecretValue($0.raw) },
            apiKeyVariable: keyVariable,
            baseURL: baseURL)
    }

    /// `LLM_PROVIDER` when set and valid; `nil` when unset.
    func explicitProvider() throws(ConfigurationError) -> LLMProvider? {
        try choiceWord("LLM_PROVIDER").flatMap(LLMProvider.init(rawValue:))
    }

    /// The provider chosen when `LLM_PROVIDER` is unset.
    func inferredProvider() -> (provider: LLMProvider, source: ConfigurationSource) {
        for (provider, variable) in LLMProvider.inferenceOrder where isSet(variable) {
            return (provider, .derived("\(variable) is set"))
        }
        return (.offline, .derived("no API key is set"))
    }
}
