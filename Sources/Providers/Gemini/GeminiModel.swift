import Foundation
import ReasoningBank

/// A chat model behind the Gemini API: `models/{model}:generateContent`, and
/// `:streamGenerateContent?alt=sse` for streaming, where each event is a whole response carrying only
/// the new text, there is no `[DONE]`, and the last chunk has the `finishReason` and the usage.
public struct GeminiModel: LanguageModel {
    public static let defaultBaseURL = URL(string: "https://generativelanguage.googleapis.com/v1beta")!

    public let model: String
    public let endpoint: ProviderEndpoint
    public let transport: ProviderTransport
    public let prices: PriceTable
    let context: ProviderContext

    public init(
        model: String, endpoint: ProviderEndpoint, transport: ProviderTransport = ProviderTransport(),
        prices: PriceTable = .empty, modelVariable: String = "LLM_MODEL"
    ) {
        self.model = model
        self.endpoint = endpoint
        self.transport = transport
        self.prices = prices
        self.context = ProviderContext(name: "Gemini", endpoint: endpoint, model: model, modelVariable: modelVariable)
    }

    public var descriptor: ModelDescriptor { ModelDescriptor(provider: "gemini", model: model, isSimulation: false) }

    /// The versioned base: `GEMINI_BASE_URL` as given, or with `/v1beta` when it has no path.
    static func versioned(_ endpoint: ProviderEndpoint) -> ProviderEndpoint {
        var endpoint = endpoint
        let path = endpoint.baseURL.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.isEmpty { endpoint.baseURL = endpoint.url("/v1beta") }
        return endpoint
    }

    private var modelPath: String {
        let id = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        return "/models/" + (id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let data = try await transport.postJSON(
            Self.versioned(endpoint).url(modelPath + ":generateContent"), headers: headers, body: try body(request),
            context: context)
        let response = try WireJSON.decode(GeminiWire.Response.self, from: data, context: context)
        var state = StreamState()
        _ = state.take(response)
        return try state.result(model: self, requireFinish: false)
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        ModelStreamDriver.run { continuation in
            let (_, body) = try await transport.openStream(
                Self.versioned(endpoint).url(modelPath + ":streamGenerateContent?alt=sse"), headers: headers,
                body: try body(request), context: context)
            var parser = ServerSentEventParser()
            var state = StreamState()
            do {
                for try await chunk in body {
                    for event in parser.feed(chunk) {
                        let data = Data(event.data.utf8)
                        if let error = JSONValue.parse(data)?["error"], error != .null {
                            throw context.streamError(
                                type: error["status"]?.string ?? error["code"]?.text,
                                message: error["message"]?.string ?? event.data)
                        }
                        let response: GeminiWire.Response
                        do { response = try JSONDecoder().decode(GeminiWire.Response.self, from: data) } catch {
                            throw context.malformed(
                                "a stream chunk is not valid (\(WireJSON.describe(error))): \"\(event.data.prefix(120))\"")
                        }
                        let piece = state.take(response)
                        if !piece.isEmpty { continuation.yield(.delta(piece)) }
                    }
                }
            } catch {
                throw transport.bodyError(error, context: context)
            }
            try Task.checkCancellation()
            continuation.yield(.done(try state.result(model: self, requireFinish: true)))
        }
    }

    private var headers: HTTPHeaders {
        var headers: HTTPHeaders = ["accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "x-goog-api-key", value: key) }
        return headers
    }

    private func body(_ request: ModelRequest) throws -> Data {
        let contents = request.messages.map {
            GeminiWire.Content(role: $0.role == .assistant ? "model" : "user", parts: [.init(text: $0.content)])
        }
        return try WireJSON.encode(
            GeminiWire.Request(
                contents: contents,
                systemInstruction: request.system.isEmpty ? nil : .init(parts: [.init(text: request.system)]),
                generationConfig: .init(
                    temperature: request.temperature, maxOutputTokens: request.maxTokens,
                    stopSequences: request.stopSequences.isEmpty ? nil : Array(request.stopSequences.prefix(5)))))
    }

    fileprivate func usage(_ wire: GeminiWire.UsageMetadata?) -> Usage {
        // Thoughts are billed as output but not counted in candidatesTokenCount.
        let usage = Usage(
            inputTokens: wire?.promptTokenCount ?? 0,
            outputTokens: (wire?.candidatesTokenCount ?? 0) + (wire?.thoughtsTokenCount ?? 0), calls: 1,
            cacheReadTokens: wire?.cachedContentTokenCount ?? 0)
        return prices.priced(usage, provider: "gemini", model: model)
    }

    /// What the chunks have said so far.
    struct StreamState {
        var text = ""
        var usage: GeminiWire.UsageMetadata?
        var finishReason: String?
        var blockReason: String?

        /// Applies one response (or stream chunk); returns its new text.
        mutating func take(_ response: GeminiWire.Response) -> String {
            if let metadata = response.usageMetadata { usage = metadata }
            if let reason = response.promptFeedback?.blockReason { blockReason = reason }
            guard let candidate = response.candidates?.first else { return "" }
            if let reason = candidate.finishReason { finishReason = reason }
            let piece = (candidate.content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text).joined()
            text += piece
            return piece
        }

        /// The answer. A blocked prompt is the model's answer (empty, with the reason), not a failure of the service.
        func result(model: GeminiModel, requireFinish: Bool) throws -> ModelResponse {
            if let blockReason {
                return ModelResponse(text: text, usage: model.usage(usage), stopReason: "blocked: \(blockReason)")
            }
            if requireFinish, finishReason == nil { throw model.context.truncated("a chunk with finishReason") }
            return ModelResponse(text: text, usage: model.usage(usage), stopReason: finishReason)
        }
    }
}
