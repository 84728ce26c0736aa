import Foundation
import Providers
import ReasoningBank
import Testing
import TestSupport

@Suite("Embedding clients", .serialized)
struct EmbedderTests {
    private func endpoint(_ server: FakeProviderServer, _ path: String, key: String? = ProviderCase.key, variable: String) -> ProviderEndpoint {
        ProviderEndpoint(baseURL: server.url(path), apiKey: key, apiKeyVariable: variable)
    }

    private func isUnit(_ vector: [Float]) -> Bool {
        abs(vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot() - 1) < 1e-4
    }

    @Test("OpenAI: base64 and float encodings give the same unit vectors of the requested dimension")
    func openAI() async throws {
        try await withFakeServer { server in
            let texts = ["buy a red kettle", "what is 6 times 7", "cancel order 12"]
            let base64 = OpenAIEmbedder(
                model: "text-embedding-3-small", dimension: 32, encoding: .base64,
                endpoint: endpoint(server, "/v1", variable: "OPENAI_API_KEY"), transport: .fast())
            let float = OpenAIEmbedder(
                model: "text-embedding-3-small", dimension: 32, encoding: .float,
                endpoint: endpoint(server, "/v1", variable: "OPENAI_API_KEY"), transport: .fast())
            let a = try await base64.embed(texts)
            let b = try await float.embed(texts)
            #expect(a.count == 3)
            #expect(a.allSatisfy { $0.count == 32 && isUnit($0) })
            for (x, y) in zip(a, b) { #expect(zip(x, y).allSatisfy { abs($0 - $1) < 1e-5 }) }
            let requests = try await server.requests()
            #expect(requests.map(\.path) == ["/v1/embeddings", "/v1/embeddings"])
            #expect(requests[0].body?["dimensions"]?.int == 32)
            #expect(requests[0].body?["encoding_format"]?.string == "base64")
            #expect(requests[1].body?["encoding_format"]?.string == "float")
        }
    }

    @Test("OpenAI-compatible servers: no dimensions sent, the vector length must match EMBEDDING_DIMENSION")
    func compatible() async throws {
        try await withFakeServer { server in
            for flavor in ["ollama", "llamacpp", "vllm"] {
                let good = OpenAIEmbedder(
                    model: "all-minilm", dimension: 64, flavor: .compatible, encoding: .float,
                    endpoint: endpoint(server, "/\(flavor)/v1", key: nil, variable: "OPENAI_API_KEY"), transport: .fast())
                let vectors = try await good.embed(["a", "b"])
                #expect(vectors.count == 2 && vectors.allSatisfy { $0.count == 64 && isUnit($0) }, "\(flavor)")
            }
            let wrong = OpenAIEmbedder(
                model: "all-minilm", dimension: 384, flavor: .compatible, encoding: .float,
                endpoint: endpoint(server, "/ollama/v1", key: nil, variable: "OPENAI_API_KEY"), transport: .fast())
            do {
                _ = try await wrong.embed(["a"])
                Issue.record("expected an error")
            } catch let error as ProviderError {
                #expect(error.description.contains("EMBEDDING_DIMENSION=64"))
            }
        }
    }

    @Test("Gemini: batchEmbedContents keeps request order, sends the task type and dimensionality, vectors re-normalised")
    func gemini() async throws {
        try await withFakeServer { server in
            let embedder = GeminiEmbedder(
                model: "gemini-embedding-001", dimension: 16,
                endpoint: endpoint(server, "", variable: "GEMINI_API_KEY"), transport: .fast())
            let forward = try await embedder.embed(["first text", "second text"])
            let backward = try await embedder.embed(["second text", "first text"])
            #expect(forward[0] == backward[1] && forward[1] == backward[0])
            #expect(forward[0] != forward[1])
            #expect(forward.allSatisfy { $0.count == 16 && isUnit($0) })
            let logged = try #require(try await server.requests().first)
            #expect(logged.path == "/v1beta/models/gemini-embedding-001:batchEmbedContents")
            #expect(logged.headers["x-goog-api-key"] == ProviderCase.key)
            let first = logged.body?["requests"]?[0]
            #expect(first?["model"]?.string == "models/gemini-embedding-001")
            #expect(first?["taskType"]?.string == "SEMANTIC_SIMILARITY")
            #expect(first?["outputDimensionality"]?.int == 16)
        }
    }

    @Test("Ollama: native /api/embed")
    func ollama() async throws {
        try await withFakeServer { server in
            let embedder = OllamaEmbedder(
                model: "all-minilm", dimension: 64, endpoint: ProviderEndpoint(baseURL: server.url("/ollama")),
                transport: .fast())
            let vectors = try await embedder.embed(["kettle", "teapot", "kettle"])
            #expect(vectors.count == 3)
            #expect(vectors[0] == vectors[2])
            #expect(vectors.allSatisfy { isUnit($0) })
            #expect(try await server.requests().first?.path == "/ollama/api/embed")
        }
    }

    @Test("embedding faults are retried or reported like chat faults")
    func faults() async throws {
        try await withFakeServer { server in
            let embedder = OpenAIEmbedder(
                model: "text-embedding-3-small", dimension: 8,
                endpoint: endpoint(server, "/v1", variable: "OPENAI_API_KEY"), transport: .fast())
            try await server.inject(#"{"kind":"status","status":429,"retry_after_ms":"10"}"#)
            #expect(try await embedder.embed(["x"]).count == 1)
            try await server.inject(#"{"kind":"malformed"}"#)
            await #expect(throws: ProviderError.self) { try await embedder.embed(["x"]) }
        }
    }
}
