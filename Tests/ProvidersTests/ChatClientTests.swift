import Foundation
import Providers
import ReasoningBank
import Testing
import TestSupport

/// Every chat client's plain and streaming paths against the fake server's faithful wire formats.
@Suite("Chat clients: plain and streaming calls", .serialized)
struct ChatClientTests {
    static let answer = "Thought: six times seven is forty-two.\nAction: answer('42')"

    @Test("a plain call returns the model's text and usage, with the provider's headers and body", arguments: ProviderCase.allCases)
    func plain(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.reply(Self.answer)
            let response = try await provider.model(server).complete(.sample)
            #expect(response.text == Self.answer)
            #expect(response.usage.calls == 1)
            #expect(response.usage.inputTokens > 0)
            #expect(response.usage.outputTokens > 0)
            let logged = try #require(try await server.requests().first)
            #expect(logged.path == provider.path(stream: false))
            try checkRequest(logged, provider: provider, stream: false)
        }
    }

    @Test("a streamed call delivers the text in pieces, then the whole answer with usage", arguments: ProviderCase.allCases)
    func streamed(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.reply(Self.answer)
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.error == nil, "\(String(describing: outcome.error))")
            #expect(outcome.deltas.count > 1)
            #expect(outcome.deltas.joined() == Self.answer)
            let response = try #require(outcome.response)
            #expect(response.text == Self.answer)
            #expect(response.usage.outputTokens > 0)
            #expect(response.usage.inputTokens > 0)
            let logged = try #require(try await server.requests().first)
            #expect(logged.path == provider.path(stream: true))
            try checkRequest(logged, provider: provider, stream: true)
        }
    }

    @Test("Gemini streams also work with CRLF framing, and Anthropic and OpenAI usage is read from the stream")
    func crlfFraming() async throws {
        try await withFakeServer { server in
            try await server.configure(#"{"crlf": true}"#)
            for provider in [ProviderCase.gemini, .openai, .anthropic] {
                try await server.reply(Self.answer)
                let outcome = await collect(provider.model(server).stream(.sample))
                #expect(outcome.response?.text == Self.answer, "\(provider)")
            }
        }
    }

    @Test("cached prompt tokens are reported and priced at the cache rate")
    func cachedTokensAndCost() async throws {
        try await withFakeServer { server in
            try await server.configure(#"{"cache_read": 100}"#)
            let prices = PriceTable(
                models: [
                    "anthropic": ["claude-sonnet-4-5": ModelPrice(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75)],
                    "openai": ["gpt-4o": ModelPrice(input: 2.5, output: 10, cacheRead: 1.25)],
                    "gemini": ["gemini-2.5-flash": ModelPrice(input: 0.3, output: 2.5)],
                ])
            for provider in [ProviderCase.anthropic, .openai, .gemini] {
                for streaming in [false, true] {
                    try await server.reply(Self.answer)
                    let model = provider.model(server, prices: prices)
                    let usage: Usage
                    if streaming {
                        usage = try #require(await collect(model.stream(.sample)).response).usage
                    } else {
                        usage = try await model.complete(.sample).usage
                    }
                    #expect(usage.cacheReadTokens == 100, "\(provider) streaming \(streaming)")
                    #expect(usage.inputTokens > 100)
                    #expect(usage.unpricedCalls == 0)
                    let price = try #require(prices.price(provider: provider == .gemini ? "gemini" : provider.rawValue, model: provider == .anthropic ? "claude-sonnet-4-5" : provider == .openai ? "gpt-4o" : "gemini-2.5-flash"))
                    #expect(abs(usage.costUSD - price.cost(of: usage)) < 1e-12)
                    #expect(usage.costUSD > 0)
                }
            }
        }
    }

    @Test("a model without a price is counted as unpriced, not as free")
    func unpriced() async throws {
        try await withFakeServer { server in
            try await server.reply(Self.answer)
            let usage = try await ProviderCase.openai.model(server, modelID: "gpt-unlisted").complete(.sample).usage
            #expect(usage.unpricedCalls == 1)
            #expect(usage.costUSD == 0)
        }
    }

    private func checkRequest(_ logged: FakeProviderServer.LoggedRequest, provider: ProviderCase, stream: Bool) throws {
        let body = try #require(logged.body)
        switch provider {
        case .anthropic:
            #expect(logged.headers["x-api-key"] == ProviderCase.key)
            #expect(logged.headers["anthropic-version"] == "2023-06-01")
            #expect(body["max_tokens"]?.int == 256)
            #expect(body["system"]?.string == "Be terse.")
            #expect(body["stop_sequences"]?[0]?.string == "\nObservation:")
            #expect(body["stream"] == .bool(stream))
        case .openai:
            #expect(logged.headers["authorization"] == "Bearer \(ProviderCase.key)")
            #expect(body["max_completion_tokens"]?.int == 256)
            #expect(body["max_tokens"] == nil)
            #expect(body["messages"]?[0]?["role"]?.string == "system")
            #expect(body["stream"] == .bool(stream))
            if stream { #expect(body["stream_options"]?["include_usage"] == .bool(true)) }
        case .gemini:
            #expect(logged.headers["x-goog-api-key"] == ProviderCase.key)
            #expect(body["generationConfig"]?["maxOutputTokens"]?.int == 256)
            #expect(body["systemInstruction"]?["parts"]?[0]?["text"]?.string == "Be terse.")
            #expect(body["contents"]?[0]?["role"]?.string == "user")
        case .ollama, .llamacpp, .vllm:
            #expect(logged.headers["authorization"] == nil)
            #expect(body["max_tokens"]?.int == 256)
            #expect(body["max_completion_tokens"] == nil)
        }
        #expect(!String(describing: logged.headers).isEmpty)
    }
}
