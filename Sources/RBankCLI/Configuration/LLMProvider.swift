import Foundation
import OfflineModels

/// The language model providers `LLM_PROVIDER` can name.
public enum LLMProvider: String, Sendable, Hashable, Codable, CaseIterable {
    /// Anthropic Messages API.
    case anthropic
    /// OpenAI Chat Completions API.
    case openai
    /// Google Gemini API, keyed by `GOOGLE_API_KEY` first.
    case google
    /// Google Gemini API, keyed by `GEMINI_API_KEY` first.
    case gemini
    /// Any server speaking the OpenAI wire format at `OPENAI_BASE_URL` (Ollama, vLLM, llama.cpp).
    case openAICompatible = "openai-compatible"
    /// The built-in offline model: a deterministic scripted simulation, not an LLM.
    case offline

    /// The variables that may hold this provider's key, in the order they are tried.
    public var keyVariables: [String] {
        switch self {
        case .anthropic: ["ANTHROPIC_API_KEY"]
        case .openai, .openAICompatible: ["OPENAI_API_KEY"]
        case .google: ["GOOGLE_API_KEY", "GEMINI_API_KEY"]
        case .gemini: ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
        case .offline: []
        }
    }

    /// Whether the provider cannot be used without a key (local OpenAI-compatible servers often need none).
    public var requiresKey: Bool {
        switch self {
        case .anthropic, .openai, .google, .gemini: true
        case .openAICompatible, .offline: false
        }
    }

    /// The model used when `LLM_MODEL` is not set; `nil` when the user must name one.
    public var defaultModel: String? {
        switch self {
        case .anthropic: "claude-sonnet-4-5"
        case .openai: "gpt-4o"
        case .google, .gemini: "gemini-2.5-flash"
        case .openAICompatible: nil
        case .offline: SimulatedModel.standardDescriptor.model
        }
    }

    /// Providers tried, in order, when `LLM_PROVIDER` is unset and a key is: the first whose key is set wins.
    static let inferenceOrder: [(provider: LLMProvider, variable: String)] = [
        (.anthropic, "ANTHROPIC_API_KEY"),
        (.openai, "OPENAI_API_KEY"),
        (.google, "GOOGLE_API_KEY"),
        (.gemini, "GEMINI_API_KEY"),
    ]
}
