import Foundation

/// The Anthropic Messages API's JSON shapes (reference §1); only the fields rbank uses.
enum AnthropicWire {
    struct Request: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }

        var model: String
        var max_tokens: Int
        var system: String?
        var messages: [Message]
        var temperature: Double
        var stop_sequences: [String]?
        var stream: Bool
    }

    struct Usage: Decodable {
        var input_tokens: Int?
        var output_tokens: Int?
        var cache_creation_input_tokens: Int?
        var cache_read_input_tokens: Int?
    }

    struct ContentBlock: Decodable {
        var type: String
        var text: String?
    }

    struct Message: Decodable {
        var id: String?
        var content: [ContentBlock]
        var stop_reason: String?
        var stop_sequence: String?
        var usage: Usage?
    }

    /// One streaming event's data; which fields are present depends on `type`.
    struct StreamEvent: Decodable {
        struct Delta: Decodable {
            var type: String?
            var text: String?
            var stop_reason: String?
        }

        struct ErrorBody: Decodable {
            var type: String?
            var message: String?
        }

        var type: String
        var message: Message?
        var delta: Delta?
        var usage: Usage?
        var error: ErrorBody?
    }
}
