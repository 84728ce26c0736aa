import Foundation
import ReasoningBank

/// The resolved model configuration: which provider, which models, and how to reach it.
public struct ProviderSettings: Sendable, Hashable, CustomStringConvertible {
    /// The provider that answers.
    public var provider: LLMProvider
    /// Where the provider choice came from (`derived` when inferred from a key or defaulted to offline).
    public var providerSource: ConfigurationSource
    /// The agent's model id.
    public var agentModel: String
    /// The judge's model id.
    public var judgeModel: String
    /// The extractor's model id.
    public var extractorModel: String
    /// The API key, when the provider uses one and it is set.
    public var apiKey: SecretValue?
    /// The variable the key was read from.
    public var apiKeyVariable: String?
    /// The base URL, for `openai-compatible` (or an `openai` endpoint override).
    public var baseURL: URL?

    /// Creates settings.
    public init(
        provider: LLMProvider, providerSource: ConfigurationSource, agentModel: String, judgeModel: String,
        extractorModel: String, apiKey: SecretValue? = nil, apiKeyVariable: String? = nil, baseURL: URL? = nil
    ) {
        self.provider = provider
        self.providerSource = providerSource
        self.agentModel = agentModel
        self.judgeModel = judgeModel
        self.extractorModel = extractorModel
        self.apiKey = apiKey
        self.apiKeyVariable = apiKeyVariable
        self.baseURL = baseURL
    }

    /// Whether the built-in offline simulation answers.
    public var isOffline: Bool { provider == .offline }

    /// The engine's descriptor of the agent model.
    public var agentDescriptor: ModelDescriptor { descriptor(model: agentModel) }

    /// The engine's descriptor of the judge model.
    public var judgeDescriptor: ModelDescriptor { descriptor(model: judgeModel) }

    /// The engine's descriptor of the extractor model.
    public var extractorDescriptor: ModelDescriptor { descriptor(model: extractorModel) }

    /// A one-line summary without the key.
    public var description: String {
        var text = "\(agentDescriptor.displayName) [provider from \(providerSource)]"
        if let apiKeyVariable { text += ", key from \(apiKeyVariable)" }
        if let baseURL { text += ", base URL \(baseURL.absoluteString)" }
        return text
    }

    private func descriptor(model: String) -> ModelDescriptor {
        ModelDescriptor(provider: provider.rawValue, model: model, isSimulation: isOffline)
    }
}
