import Foundation
import ReasoningBank

/// Embeddings from Ollama's native `POST /api/embed` (base `OLLAMA_BASE_URL`, no key).
public struct OllamaEmbedder: Embedder {
    public static let defaultBaseURL = URL(string: "http://localhost:11434")!

    public let model: String
    public let dimension: Int
    public let endpoint: ProviderEndpoint
    public let transport: ProviderTransport
    let context: ProviderContext

    public init(model: String, dimension: Int, endpoint: ProviderEndpoint, transport: ProviderTransport = ProviderTransport()) {
        self.model = model
        self.dimension = dimension
        self.endpoint = endpoint
        self.transport = transport
        self.context = ProviderContext(
            name: "Ollama at \(endpoint.hostAndPort)", endpoint: endpoint, model: model, modelVariable: "EMBEDDING_MODEL")
    }

    public var name: String { "ollama:\(model)/\(dimension)" }

    private struct Request: Encodable {
        var model: String
        var input: [String]
    }

    private struct Response: Decodable {
        var embeddings: [[Float]]
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let body = try WireJSON.encode(Request(model: model, input: texts))
        let data = try await transport.postJSON(
            endpoint.url("/api/embed"), headers: ["accept": "application/json"], body: body, context: context)
        let vectors = try WireJSON.decode(Response.self, from: data, context: context).embeddings
        return try EmbeddingCheck.finish(vectors, inputs: texts.count, dimension: dimension, context: context)
    }
}
