import Foundation

/// The Gemini API's JSON shapes (reference §4); only the fields rbank uses. Gemini's JSON is camelCase.
enum GeminiWire {
    struct Part: Codable {
        var text: String?
        /// Gemini 2.5 marks its thought summaries; they are not the answer.
        var thought: Bool?
    }

    struct Content: Codable {
        var role: String?
        var parts: [Part]?
    }

    struct GenerationConfig: Encodable {
        var temperature: Double
        var maxOutputTokens: Int
        var stopSequences: [String]?
    }

    struct Request: Encodable {
        var contents: [Content]
        var systemInstruction: Content?
        var generationConfig: GenerationConfig
    }

    struct UsageMetadata: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var cachedContentTokenCount: Int?
    }

    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
    }

    struct Response: Decodable {
        var candidates: [Candidate]?
        var usageMetadata: UsageMetadata?
        var promptFeedback: PromptFeedback?
    }

    struct EmbedRequest: Encodable {
        var model: String
        var content: Content
        var taskType: String
        var outputDimensionality: Int?
    }

    struct BatchEmbedRequest: Encodable {
        var requests: [EmbedRequest]
    }

    struct BatchEmbedResponse: Decodable {
        struct Values: Decodable {
            var values: [Float]
        }

        var embeddings: [Values]
    }
}
