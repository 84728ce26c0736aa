import Foundation
import OfflineModels
import Providers
import ReasoningBank

/// Builds the language models and embedders the configuration names: the offline simulation, or the
/// HTTP clients of `Providers` with their endpoint, key, retries, timeouts and price table.
struct ProviderFactory {
    let configuration: Configuration

    /// The offline simulation with the configured seed and latency.
    func offlineModel() throws(ConfigurationError) -> SimulatedModel {
        SimulatedModel(
            seed: try configuration.offlineSeed, policies: SimulatedModel.standardPolicies,
            callLatency: try configuration.offlineLatency)
    }

    /// The agent, judge and extractor models.
    func models() throws -> ModelRoles {
        do {
            let settings = try configuration.providerSettings()
            if settings.isOffline { return ModelRoles(all: try offlineModel()) }
            let transport = try self.transport()
            let prices = try priceTable()
            func model(_ id: String, variable: String) throws -> any LanguageModel {
                try chatModel(settings: settings, model: id, modelVariable: variable, transport: transport, prices: prices)
            }
            return ModelRoles(
                agent: try model(settings.agentModel, variable: "LLM_MODEL"),
                judge: try model(settings.judgeModel, variable: configuration.isSet("JUDGE_MODEL") ? "JUDGE_MODEL" : "LLM_MODEL"),
                extractor: try model(
                    settings.extractorModel, variable: configuration.isSet("EXTRACTOR_MODEL") ? "EXTRACTOR_MODEL" : "LLM_MODEL"))
        } catch let error as ConfigurationError {
            throw CLIError(error.description)
        }
    }

    /// The embedder `EMBEDDING_MODEL` names: `all-MiniLM-L6-v2`, `hashing`, or `provider:model`, any of them
    /// ending in `+hashing` to blend it with hashing-384 (`EMBEDDING_LEXICAL_WEIGHT`). Unset, it is
    /// all-MiniLM-L6-v2+hashing when the model's files are in `MINILM_MODEL_DIR`, and hashing when they are not.
    func embedder() throws -> any Embedder {
        let spec = configuration.embeddingModel.trimmingCharacters(in: .whitespaces)
        let suffix = Configuration.lexicalBlendSuffix
        guard spec.lowercased().hasSuffix(suffix) else { return try embedder(spec: spec) }
        let base = String(spec.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        guard !base.isEmpty else {
            throw CLIError(
                "EMBEDDING_MODEL is \(spec): name the embedder to blend with hashing before +hashing, "
                    + "e.g. all-MiniLM-L6-v2+hashing.")
        }
        let dense = try embedder(spec: base)
        do {
            return HybridEmbedder(dense: dense, lexical: HashingEmbedder(dimension: 384), lexicalWeight: try configuration.lexicalWeight)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// One embedder, without a blend.
    private func embedder(spec: String) throws -> any Embedder {
        do {
            let dimension = try configuration.embeddingDimension
            let lowered = spec.lowercased()
            if lowered == "hashing" || lowered.hasPrefix("hashing-") { return HashingEmbedder(dimension: dimension) }
            if lowered == MiniLMEmbedder.modelName.lowercased() || lowered == "minilm" {
                return try miniLM(dimension: dimension)
            }
            guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex, spec.index(after: colon) != spec.endIndex else {
                throw CLIError(unknownEmbedder(spec))
            }
            let provider = spec[..<colon].lowercased()
            let model = String(spec[spec.index(after: colon)...])
            let transport = try self.transport()
            switch provider {
            case "openai":
                return OpenAIEmbedder(
                    model: model, dimension: dimension,
                    endpoint: try endpoint(
                        base: configuration.openAIBaseURL ?? OpenAIChatModel.defaultBaseURL, baseVariable: "OPENAI_BASE_URL",
                        keyVariables: ["OPENAI_API_KEY"], keyRequired: true, providerName: "openai"),
                    transport: transport)
            case "openai-compatible":
                guard let base = try configuration.openAIBaseURL else {
                    throw CLIError(
                        "EMBEDDING_MODEL is \(spec), but OPENAI_BASE_URL is not set: set it to the server's base URL, "
                            + "e.g. http://localhost:11434/v1 for Ollama.")
                }
                return OpenAIEmbedder(
                    model: model, dimension: dimension, flavor: .compatible, encoding: .float,
                    endpoint: try endpoint(
                        base: base, baseVariable: "OPENAI_BASE_URL", keyVariables: ["OPENAI_API_KEY"], keyRequired: false,
                        providerName: "openai-compatible"),
                    transport: transport)
            case "gemini", "google":
                return GeminiEmbedder(
                    model: model, dimension: dimension,
                    endpoint: try endpoint(
                        base: configuration.geminiBaseURL ?? GeminiModel.defaultBaseURL, baseVariable: "GEMINI_BASE_URL",
                        keyVariables: ["GOOGLE_API_KEY", "GEMINI_API_KEY"], keyRequired: true, providerName: "gemini"),
                    transport: transport)
            case "ollama":
                return OllamaEmbedder(
                    model: model, dimension: dimension,
                    endpoint: ProviderEndpoint(
                        baseURL: try configuration.ollamaBaseURL ?? OllamaEmbedder.defaultBaseURL,
                        baseURLVariable: "OLLAMA_BASE_URL"),
                    transport: transport)
            default:
                throw CLIError(unknownEmbedder(spec))
            }
        } catch let error as ConfigurationError {
            throw CLIError(error.description)
        }
    }

    /// all-MiniLM-L6-v2 from `MINILM_MODEL_DIR`; missing or damaged files are a clear error.
    private func miniLM(dimension: Int) throws -> any Embedder {
        if configuration.isSet("EMBEDDING_DIMENSION"), dimension != 384 {
            throw CLIError(
                "EMBEDDING_MODEL is all-MiniLM-L6-v2, whose vectors have 384 numbers, but EMBEDDING_DIMENSION is "
                    + "\(dimension): unset EMBEDDING_DIMENSION or set it to 384.")
        }
        do { return try MiniLMEmbedder(folder: configuration.miniLMFolder) } catch {
            throw CLIError(String(describing: error) + " (MINILM_MODEL_DIR is \(configuration.miniLMFolder.path))")
        }
    }

    private func unknownEmbedder(_ spec: String) -> String {
        "EMBEDDING_MODEL is \(spec), which rbank cannot use. Set it to all-MiniLM-L6-v2 (make model fetches it), "
            + "hashing (built in, no download), or to "
            + "provider:model for a provider's embedding endpoint: openai:text-embedding-3-small, "
            + "gemini:gemini-embedding-001, ollama:all-minilm, openai-compatible:<model>; any of them ending in "
            + "+hashing to blend it with hashing's word match."
    }

    // MARK: Parts

    private func chatModel(
        settings: ProviderSettings, model: String, modelVariable: String, transport: ProviderTransport, prices: PriceTable
    ) throws -> any LanguageModel {
        let key = settings.apiKey?.exposedValue
        switch settings.provider {
        case .anthropic:
            let endpoint = ProviderEndpoint(
                baseURL: try configuration.anthropicBaseURL ?? AnthropicModel.defaultBaseURL, apiKey: key,
                apiKeyVariable: settings.apiKeyVariable ?? "ANTHROPIC_API_KEY", baseURLVariable: "ANTHROPIC_BASE_URL")
            return AnthropicModel(model: model, endpoint: endpoint, transport: transport, prices: prices, modelVariable: modelVariable)
        case .openai, .openAICompatible:
            let compatible = settings.provider == .openAICompatible
            let endpoint = ProviderEndpoint(
                baseURL: settings.baseURL ?? OpenAIChatModel.defaultBaseURL, apiKey: key,
                apiKeyVariable: settings.apiKeyVariable ?? "OPENAI_API_KEY", baseURLVariable: "OPENAI_BASE_URL")
            return OpenAIChatModel(
                model: model, flavor: compatible ? .compatible : .openai, endpoint: endpoint, transport: transport,
                prices: prices, modelVariable: modelVariable)
        case .google, .gemini:
            let endpoint = ProviderEndpoint(
                baseURL: try configuration.geminiBaseURL ?? GeminiModel.defaultBaseURL, apiKey: key,
                apiKeyVariable: settings.apiKeyVariable ?? settings.provider.keyVariables[0], baseURLVariable: "GEMINI_BASE_URL")
            return GeminiModel(model: model, endpoint: endpoint, transport: transport, prices: prices, modelVariable: modelVariable)
        case .offline:
            return try offlineModel()
        }
    }

    /// An endpoint whose key comes from the first of `keyVariables` that is set.
    private func endpoint(
        base: URL, baseVariable: String, keyVariables: [String], keyRequired: Bool, providerName: String
    ) throws -> ProviderEndpoint {
        let variable = keyVariables.first { configuration.isSet($0) }
        if keyRequired, variable == nil {
            throw CLIError(
                "EMBEDDING_MODEL is \(configuration.embeddingModel), which needs a \(providerName) API key: set "
                    + keyVariables.joined(separator: " or ") + ".")
        }
        return ProviderEndpoint(
            baseURL: base, apiKey: variable.flatMap { configuration.value($0)?.raw },
            apiKeyVariable: variable ?? keyVariables.first, baseURLVariable: baseVariable)
    }

    /// Retries, timeouts and the libcurl client, from `LLM_MAX_RETRIES`, `LLM_TIMEOUT`, `LLM_STALL_TIMEOUT`.
    func transport() throws -> ProviderTransport {
        do {
            return ProviderTransport(
                client: CurlHTTPClient(), retry: RetryPolicy(maxRetries: try configuration.maxRetries),
                timeouts: ProviderTimeouts(total: try configuration.requestTimeout, stall: try configuration.stallTimeout))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// `PRICES_FILE`; a missing file means no prices (costs shown as unknown), a broken one is an error.
    func priceTable() throws -> PriceTable {
        do { return try PriceTable.loadIfPresent(contentsOf: configuration.pricesFile) } catch {
            throw CLIError(error.description + " (PRICES_FILE)")
        }
    }
}
