import Foundation
import ReasoningBank

/// A chat model behind Anthropic's Messages API (`POST /v1/messages`), streaming with every event
/// type the API sends: `message_start`, `content_block_*`, `ping`, `message_delta` (cumulative usage),
/// `message_stop`, and a mid-stream `error`.
public struct AnthropicModel: LanguageModel {
    public static let defaultBaseURL = URL(string: "https://api.anthropic.com")!
    public static let apiVersion = "2023-06-01"

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
        self.context = ProviderContext(
            name: "Anthropic", endpoint: endpoint, model: model, modelVariable: modelVariable, sendsRetryCount: true)
    }

    public var descriptor: ModelDescriptor { ModelDescriptor(provider: "anthropic", model: model, isSimulation: false) }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let data = try await transport.postJSON(
            endpoint.url("/v1/messages"), headers: headers, body: try body(request, stream: false), context: context)
        let message = try WireJSON.decode(AnthropicWire.Message.self, from: data, context: context)
        let text = message.content.filter { $0.type == "text" }.compactMap(\.text).joined()
        return ModelResponse(text: text, usage: usage(message.usage, output: nil), stopReason: message.stop_reason)
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        ModelStreamDriver.run { continuation in
            let (_, body) = try await transport.openStream(
                endpoint.url("/v1/messages"), headers: headers, body: try body(request, stream: true), context: context)
            var parser = ServerSentEventParser()
            var state = StreamState()
            do {
                for try await chunk in body {
                    for event in parser.feed(chunk) {
                        if let piece = try state.take(event, context: context), !piece.isEmpty {
                            continuation.yield(.delta(piece))
                        }
                    }
                    if state.finished { break }
                }
            } catch {
                throw transport.bodyError(error, context: context)
            }
            try Task.checkCancellation()
            guard state.finished else { throw context.truncated("message_stop") }
            continuation.yield(
                .done(ModelResponse(text: state.text, usage: usage(state.usage, output: state.outputTokens), stopReason: state.stopReason)))
        }
    }

    private var headers: HTTPHeaders {
        var headers: HTTPHeaders = ["anthropic-version": Self.apiVersion, "accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "x-api-key", value: key) }
        return headers
    }

    private func body(_ request: ModelRequest, stream: Bool) throws -> Data {
        try WireJSON.encode(
            AnthropicWire.Request(
                model: model, max_tokens: request.maxTokens, system: request.system.isEmpty ? nil : request.system,
                messages: request.messages.map { .init(role: $0.role.rawValue, content: $0.content) },
                // The Messages API takes 0–1; rbank's settings allow up to 2 for other providers.
                temperature: min(max(request.temperature, 0), 1),
                stop_sequences: request.stopSequences.isEmpty ? nil : request.stopSequences, stream: stream))
    }

    /// Input counts every prompt token: Anthropic reports cache reads and writes apart from `input_tokens`.
    private func usage(_ wire: AnthropicWire.Usage?, output: Int?) -> Usage {
        let cacheRead = wire?.cache_read_input_tokens ?? 0
        let cacheWrite = wire?.cache_creation_input_tokens ?? 0
        let usage = Usage(
            inputTokens: (wire?.input_tokens ?? 0) + cacheRead + cacheWrite,
            outputTokens: output ?? wire?.output_tokens ?? 0, calls: 1, cacheReadTokens: cacheRead,
            cacheWriteTokens: cacheWrite)
        return prices.priced(usage, provider: "anthropic", model: model)
    }

    /// What a stream has said so far.
    struct StreamState {
        var text = ""
        var usage: AnthropicWire.Usage?
        var outputTokens: Int?
        var stopReason: String?
        var finished = false

        /// Applies one event; returns new text, if the event carried some.
        mutating func take(_ event: ServerSentEvent, context: ProviderContext) throws -> String? {
            // The SDK dispatches on the event name; data without a known name is dropped.
            switch event.name {
            case "ping", nil: return nil
            case "message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop", "error":
                break
            default: return nil
            }
            let data = try decode(event, context: context)
            switch event.name {
            case "message_start":
                usage = data.message?.usage
                outputTokens = data.message?.usage?.output_tokens
            case "content_block_delta":
                guard data.delta?.type == "text_delta", let piece = data.delta?.text else { return nil }
                text += piece
                return piece
            case "message_delta":
                if let reason = data.delta?.stop_reason { stopReason = reason }
                // Cumulative: the last one counts.
                if let output = data.usage?.output_tokens { outputTokens = output }
                if let input = data.usage?.input_tokens { usage?.input_tokens = input }
            case "message_stop":
                finished = true
            case "error":
                throw context.streamError(type: data.error?.type, message: data.error?.message ?? event.data)
            default:
                break
            }
            return nil
        }

        private func decode(_ event: ServerSentEvent, context: ProviderContext) throws -> AnthropicWire.StreamEvent {
            do {
                return try JSONDecoder().decode(AnthropicWire.StreamEvent.self, from: Data(event.data.utf8))
            } catch {
                throw context.malformed(
                    "a \(event.name ?? "message") event's data is not valid (\(WireJSON.describe(error))): \"\(event.data.prefix(120))\"")
            }
        }
    }
}
