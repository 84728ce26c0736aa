import Foundation
import Providers
import ReasoningBank
import TestSupport

/// The chat clients under test, each pointed at its route of the fake server.
enum ProviderCase: String, CaseIterable, CustomStringConvertible, Sendable {
    case anthropic
    case openai
    case gemini
    case ollama
    case llamacpp
    case vllm

    static let key = "sk-test-KEY-0123456789abcdef"

    var description: String { rawValue }

    /// The provider's name in error messages.
    var displayName: String {
        switch self {
        case .anthropic: "Anthropic"
        case .openai: "OpenAI"
        case .gemini: "Gemini"
        case .ollama, .llamacpp, .vllm: "OpenAI-compatible server"
        }
    }

    var keyVariable: String {
        switch self {
        case .anthropic: "ANTHROPIC_API_KEY"
        case .gemini: "GEMINI_API_KEY"
        default: "OPENAI_API_KEY"
        }
    }

    var needsKey: Bool { self == .anthropic || self == .openai || self == .gemini }

    /// Whether the SDKs' `x-stainless-retry-count` header is sent.
    var countsRetries: Bool { self == .anthropic || self == .openai }

    func model(
        _ server: FakeProviderServer, key: String? = ProviderCase.key, transport: ProviderTransport = .fast(),
        prices: PriceTable = .empty, modelID: String? = nil
    ) -> any LanguageModel {
        let usedKey = needsKey ? key : nil
        switch self {
        case .anthropic:
            return AnthropicModel(
                model: modelID ?? "claude-sonnet-4-5",
                endpoint: ProviderEndpoint(baseURL: server.url(), apiKey: usedKey, apiKeyVariable: keyVariable, baseURLVariable: "ANTHROPIC_BASE_URL"),
                transport: transport, prices: prices)
        case .openai:
            return OpenAIChatModel(
                model: modelID ?? "gpt-4o",
                endpoint: ProviderEndpoint(baseURL: server.url("/v1"), apiKey: usedKey, apiKeyVariable: keyVariable, baseURLVariable: "OPENAI_BASE_URL"),
                transport: transport, prices: prices)
        case .gemini:
            // No version in the path: the client adds /v1beta.
            return GeminiModel(
                model: modelID ?? "gemini-2.5-flash",
                endpoint: ProviderEndpoint(baseURL: server.url(), apiKey: usedKey, apiKeyVariable: keyVariable, baseURLVariable: "GEMINI_BASE_URL"),
                transport: transport, prices: prices)
        case .ollama, .llamacpp, .vllm:
            return OpenAIChatModel(
                model: modelID ?? "llama3.2", flavor: .compatible,
                endpoint: ProviderEndpoint(baseURL: server.url("/\(rawValue)/v1"), apiKeyVariable: keyVariable, baseURLVariable: "OPENAI_BASE_URL"),
                transport: transport, prices: prices)
        }
    }

    /// The path the chat request goes to (streaming or not).
    func path(stream: Bool) -> String {
        switch self {
        case .anthropic: "/v1/messages"
        case .openai: "/v1/chat/completions"
        case .gemini: "/v1beta/models/gemini-2.5-flash:" + (stream ? "streamGenerateContent" : "generateContent")
        case .ollama, .llamacpp, .vllm: "/\(rawValue)/v1/chat/completions"
        }
    }
}

extension ProviderTransport {
    /// Quick retries and short stall detection, so fault tests take milliseconds, not seconds.
    static func fast(maxRetries: Int = 2, stall: Int = 2, total: Double = 30) -> ProviderTransport {
        ProviderTransport(
            retry: RetryPolicy(maxRetries: maxRetries, initialDelay: 0.01, maxDelay: 0.05),
            timeouts: ProviderTimeouts(connect: 5, total: total, stall: stall))
    }
}

extension ModelRequest {
    static let sample = ModelRequest(
        purpose: .agent, system: "Be terse.",
        messages: [ChatMessage(role: .user, content: "Question: what is 6 times 7?")], temperature: 0.7, maxTokens: 256,
        stopSequences: ["\nObservation:"])
}

/// What a streamed call delivered before it ended.
struct StreamOutcome {
    var deltas: [String] = []
    var response: ModelResponse?
    var error: (any Error)?

    var providerError: ProviderError? { error as? ProviderError }
}

func collect(_ stream: AsyncThrowingStream<ModelStreamEvent, any Error>) async -> StreamOutcome {
    var outcome = StreamOutcome()
    do {
        for try await event in stream {
            switch event {
            case .delta(let piece): outcome.deltas.append(piece)
            case .done(let response): outcome.response = response
            }
        }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Runs `body` against a fresh fake server.
func withFakeServer<T>(_ body: (FakeProviderServer) async throws -> T) async throws -> T {
    let server = try await FakeProviderServer.start()
    defer { server.stop() }
    return try await body(server)
}
