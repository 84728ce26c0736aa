import Foundation
import ReasoningBank

/// A chat model behind OpenAI's Chat Completions API (`POST {base}/chat/completions`), or behind a
/// server that speaks it: Ollama's `/v1`, vLLM, llama.cpp's `llama-server`, OpenRouter.
///
/// Differences between the two flavors: OpenAI gets `max_completion_tokens` and always a key; compatible
/// servers get `max_tokens` (Ollama ignores the other name) and a key only when one is set. Both stream with
/// `stream_options.include_usage`, stop at `data: [DONE]`, and raise an `{"error": …}` chunk as an error.
public struct OpenAIChatModel: LanguageModel {
    public enum Flavor: String, Sendable {
        case openai
        case compatible = "openai-compatible"
    }

    public static let defaultBaseURL = URL(string: "https://api.openai.com/v1")!

    public let model: String
    public let flavor: Flavor
    public let endpoint: ProviderEndpoint
    public let transport: ProviderTransport
    public let prices: PriceTable
    let context: ProviderContext

    public init(
        model: String, flavor: Flavor = .openai, endpoint: ProviderEndpoint, transport: ProviderTransport = ProviderTransport(),
        prices: PriceTable = .empty, modelVariable: String = "LLM_MODEL"
    ) {
        self.model = model
        self.flavor = flavor
        self.endpoint = endpoint
        self.transport = transport
        self.prices = prices
        let name = flavor == .openai ? "OpenAI" : "OpenAI-compatible server at \(endpoint.hostAndPort)"
        self.context = ProviderContext(
            name: name, endpoint: endpoint, model: model, modelVariable: modelVariable, sendsRetryCount: flavor == .openai)
    }

    public var descriptor: ModelDescriptor { ModelDescriptor(provider: flavor.rawValue, model: model, isSimulation: false) }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let data = try await transport.postJSON(
            endpoint.url("/chat/completions"), headers: headers, body: try body(request, stream: false), context: context)
        let response = try WireJSON.decode(OpenAIWire.ChatResponse.self, from: data, context: context)
        guard let choice = response.choices?.first else { throw context.malformed("the response has no choices") }
        return ModelResponse(
            text: choice.message?.content ?? "", usage: usage(response.usage), stopReason: choice.finish_reason)
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        ModelStreamDriver.run { continuation in
            let (_, body) = try await transport.openStream(
                endpoint.url("/chat/completions"), headers: headers, body: try body(request, stream: true), context: context)
            var parser = ServerSentEventParser()
            var text = ""
            var finishReason: String?
            var wireUsage: OpenAIWire.Usage?
            var done = false
            do {
                reading: for try await chunk in body {
                    for event in parser.feed(chunk) {
                        if event.data.hasPrefix("[DONE]") {
                            done = true
                            break reading
                        }
                        let data = Data(event.data.utf8)
                        if let error = JSONValue.parse(data)?["error"], error != .null {
                            throw context.streamError(
                                type: error["type"]?.string ?? error["code"]?.text, message: error["message"]?.string ?? error.string ?? event.data)
                        }
                        let piece: OpenAIWire.ChatResponse
                        do { piece = try JSONDecoder().decode(OpenAIWire.ChatResponse.self, from: data) } catch {
                            throw context.malformed(
                                "a stream chunk is not valid (\(WireJSON.describe(error))): \"\(event.data.prefix(120))\"")
                        }
                        if let usage = piece.usage { wireUsage = usage }
                        guard let choice = piece.choices?.first else { continue }
                        if let reason = choice.finish_reason { finishReason = reason }
                        if let delta = choice.delta?.content, !delta.isEmpty {
                            text += delta
                            continuation.yield(.delta(delta))
                        }
                    }
                }
            } catch {
                throw transport.bodyError(error, context: context)
            }
            try Task.checkCancellation()
            // Some compatible servers end without [DONE]; a finish reason still marks a whole answer.
            guard done || finishReason != nil else { throw context.truncated("data: [DONE]") }
            continuation.yield(.done(ModelResponse(text: text, usage: usage(wireUsage), stopReason: finishReason)))
        }
    }

    private var headers: HTTPHeaders {
        var headers: HTTPHeaders = ["accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "Authorization", value: "Bearer \(key)") }
        return headers
    }

    private func body(_ request: ModelRequest, stream: Bool) throws -> Data {
        var messages: [OpenAIWire.ChatRequest.Message] = []
        if !request.system.isEmpty { messages.append(.init(role: "system", content: request.system)) }
        messages += request.messages.map { .init(role: $0.role.rawValue, content: $0.content) }
        return try WireJSON.encode(
            OpenAIWire.ChatRequest(
                model: model, messages: messages, temperature: request.temperature,
                max_completion_tokens: flavor == .openai ? request.maxTokens : nil,
                max_tokens: flavor == .compatible ? request.maxTokens : nil,
                // The API takes at most four stop sequences.
                stop: request.stopSequences.isEmpty ? nil : Array(request.stopSequences.prefix(4)), stream: stream,
                stream_options: stream ? .init(include_usage: true) : nil))
    }

    private func usage(_ wire: OpenAIWire.Usage?) -> Usage {
        let usage = Usage(
            inputTokens: wire?.prompt_tokens ?? 0, outputTokens: wire?.completion_tokens ?? 0, calls: 1,
            cacheReadTokens: wire?.prompt_tokens_details?.cached_tokens ?? 0)
        return prices.priced(usage, provider: flavor.rawValue, model: model)
    }
}
