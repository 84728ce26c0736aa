import Foundation
import ReasoningBank

/// Embeddings from `POST {base}/embeddings`: OpenAI, or a compatible server (Ollama's `/v1`, vLLM,
/// llama.cpp). Asks for base64 (packed float32, as the official SDK does) or plain floats; sends
/// `dimensions` when the model can shorten its vectors (OpenAI's text-embedding-3 family).
public struct OpenAIEmbedder: Embedder {
    public enum Encoding: String, Sendable {
        case float
        case base64
    }

    /// The API's limit on inputs per request.
    public static let batchLimit = 2048

    public let model: String
    public let dimension: Int
    public let encoding: Encoding
    public let flavor: OpenAIChatModel.Flavor
    public let endpoint: ProviderEndpoint
    public let transport: ProviderTransport
    let context: ProviderContext

    public init(
        model: String, dimension: Int, flavor: OpenAIChatModel.Flavor = .openai, encoding: Encoding = .base64,
        endpoint: ProviderEndpoint, transport: ProviderTransport = ProviderTransport()
    ) {
        self.model = model
        self.dimension = dimension
        self.encoding = encoding
        self.flavor = flavor
        self.endpoint = endpoint
        self.transport = transport
        let name = flavor == .openai ? "OpenAI" : "OpenAI-compatible server at \(endpoint.hostAndPort)"
        self.context = ProviderContext(
            name: name, endpoint: endpoint, model: model, modelVariable: "EMBEDDING_MODEL", sendsRetryCount: flavor == .openai)
    }

    public var name: String { "\(flavor.rawValue):\(model)/\(dimension)" }

    /// Whether to ask the server for `dimension`-long vectors: only models known to shorten them.
    var sendsDimensions: Bool { model.hasPrefix("text-embedding-3") }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: Self.batchLimit) {
            let batch = Array(texts[start..<min(start + Self.batchLimit, texts.count)])
            vectors += try await embedBatch(batch)
        }
        return try EmbeddingCheck.finish(vectors, inputs: texts.count, dimension: dimension, context: context)
    }

    private func embedBatch(_ texts: [String]) async throws -> [[Float]] {
        var headers: HTTPHeaders = ["accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "Authorization", value: "Bearer \(key)") }
        let body = try WireJSON.encode(
            OpenAIWire.EmbeddingRequest(
                model: model, input: texts, dimensions: sendsDimensions ? dimension : nil, encoding_format: encoding.rawValue))
        let data = try await transport.postJSON(endpoint.url("/embeddings"), headers: headers, body: body, context: context)
        let response = try WireJSON.decode(OpenAIWire.EmbeddingResponse.self, from: data, context: context)
        let ordered = response.data.enumerated().sorted { ($0.element.index ?? $0.offset) < ($1.element.index ?? $1.offset) }
        return try ordered.map { item in
            switch item.element.embedding {
            case .string(let text):
                guard let vector = EmbeddingCheck.decodeBase64(text) else {
                    throw context.malformed("an embedding is not valid base64 float32")
                }
                return vector
            case .array(let values):
                return try values.map { value in
                    guard let number = value.number else { throw context.malformed("an embedding holds a non-number") }
                    return Float(number)
                }
            default:
                throw context.malformed("an embedding is neither a list of numbers nor base64")
            }
        }
    }
}
