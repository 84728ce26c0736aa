import Foundation
import ReasoningBank

/// The OpenAI Chat Completions and Embeddings JSON shapes (reference §2, §3); only the fields rbank uses.
/// Compatible servers add fields (ignored) and omit some (`usage`), so nearly everything is optional.
enum OpenAIWire {
    struct ChatRequest: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }

        struct StreamOptions: Encodable {
            var include_usage: Bool
        }

        var model: String
        var messages: [Message]
        var temperature: Double
        /// OpenAI's current name; o-series models reject `max_tokens`.
        var max_completion_tokens: Int?
        /// What local servers read (Ollama does not parse `max_completion_tokens`).
        var max_tokens: Int?
        var stop: [String]?
        var stream: Bool
        var stream_options: StreamOptions?
    }

    struct Usage: Decodable {
        struct PromptDetails: Decodable {
            var cached_tokens: Int?
        }

        var prompt_tokens: Int?
        var completion_tokens: Int?
        var prompt_tokens_details: PromptDetails?
    }

    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }

        var message: Message?
        var delta: Message?
        var finish_reason: String?
    }

    struct ChatResponse: Decodable {
        var choices: [Choice]?
        var usage: Usage?
    }

    struct EmbeddingRequest: Encodable {
        var model: String
        var input: [String]
        var dimensions: Int?
        var encoding_format: String
    }

    struct EmbeddingResponse: Decodable {
        struct Item: Decodable {
            var index: Int?
            /// An array of floats, or a base64 string of little-endian float32 when asked for base64.
            var embedding: JSONValue
        }

        var data: [Item]
        var usage: Usage?
    }
}
