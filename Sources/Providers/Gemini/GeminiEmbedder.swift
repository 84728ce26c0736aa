import Foundation
import ReasoningBank

/// Embeddings from Gemini's `models/{model}:batchEmbedContents` (what the official SDK always uses),
/// with a task type and `outputDimensionality`; truncated vectors are re-normalised here.
public struct GeminiEmbedder: Embedder {
    /// Inputs per batch request (the API's limit).
    public static let batchLimit = 100

    public let model: String
    public let dimension: Int
    /// `SEMANTIC_SIMILARITY` by default: rbank compares a task's query with past tasks' queries.
    public let taskType: String
    public let endpoint: ProviderEndpoint
    public let transport: ProviderTransport
    let context: ProviderContext

    public init(
        model: String, dimension: Int, taskType: String = "SEMANTIC_SIMILARITY", endpoint: ProviderEndpoint,
        transport: ProviderTransport = ProviderTransport()
    ) {
        self.model = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        self.dimension = dimension
        self.taskType = taskType
        self.endpoint = GeminiModel.versioned(endpoint)
        self.transport = transport
        self.context = ProviderContext(name: "Gemini", endpoint: endpoint, model: model, modelVariable: "EMBEDDING_MODEL")
    }

    public var name: String { "gemini:\(model)/\(dimension)" }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var headers: HTTPHeaders = ["accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "x-goog-api-key", value: key) }
        let path = "/models/" + (model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? model)
            + ":batchEmbedContents"
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: Self.batchLimit) {
            let batch = texts[start..<min(start + Self.batchLimit, texts.count)]
            let body = try WireJSON.encode(
                GeminiWire.BatchEmbedRequest(
                    requests: batch.map {
                        .init(
                            model: "models/\(model)", content: .init(parts: [.init(text: $0)]), taskType: taskType,
                            outputDimensionality: dimension)
                    }))
            let data = try await transport.postJSON(endpoint.url(path), headers: headers, body: body, context: context)
            vectors += try WireJSON.decode(GeminiWire.BatchEmbedResponse.self, from: data, context: context).embeddings.map(\.values)
        }
        return try EmbeddingCheck.finish(vectors, inputs: texts.count, dimension: dimension, context: context)
    }
}
