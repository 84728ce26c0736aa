import Foundation
import Providers
import ReasoningBank
import Testing
import TestSupport

/// Every fault the fake server can inject, against every chat client: retried where the SDKs retry,
/// otherwise a clear `ProviderError` that names the provider.
@Suite("Chat clients: injected faults", .serialized)
struct FaultHandlingTests {
    static let answer = ChatClientTests.answer

    @Test("429 with retry-after-ms is retried and then succeeds; each attempt is counted", arguments: ProviderCase.allCases)
    func rateLimitRetried(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"status","status":429,"retry_after_ms":"20"}"#)
            try await server.reply(Self.answer)
            let response = try await provider.model(server).complete(.sample)
            #expect(response.text == Self.answer)
            let requests = try await server.requests()
            #expect(requests.count == 2)
            #expect(requests.first?.status == 429)
            if provider.countsRetries {
                #expect(requests.map { $0.headers["x-stainless-retry-count"] } == ["0", "1"])
            }
        }
    }

    @Test("529 and 500 are retried, on streams too (before the body starts)", arguments: ProviderCase.allCases)
    func serverErrorsRetried(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(
                #"{"kind":"status","status":529,"retry_after":"0.01"}"#, #"{"kind":"status","status":500}"#)
            try await server.reply(Self.answer)
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.response?.text == Self.answer, "\(String(describing: outcome.error))")
            #expect(try await server.requests().count == 3)
        }
    }

    @Test("persistent 5xx gives up after the configured retries with a clear error", arguments: ProviderCase.allCases)
    func givesUp(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(
                #"{"kind":"status","status":503}"#, #"{"kind":"status","status":503}"#, #"{"kind":"status","status":503}"#)
            do {
                _ = try await provider.model(server).complete(.sample)
                Issue.record("expected an error")
            } catch let error as ProviderError {
                #expect(error.kind == .http)
                #expect(error.status == 503)
                #expect(error.attempts == 3)
                #expect(error.description.contains(provider.displayName))
                #expect(error.description.contains("HTTP 503"))
                #expect(error.description.contains("gave up after 3 attempts"))
                #expect(error.description.contains("LLM_MAX_RETRIES"))
            }
            #expect(try await server.requests().count == 3)
        }
    }

    @Test("x-should-retry: false stops retries; 400 is never retried")
    func notRetried() async throws {
        try await withFakeServer { server in
            for provider in ProviderCase.allCases {
                try await server.inject(#"{"kind":"status","status":500,"should_retry":"false"}"#)
                await #expect(throws: ProviderError.self) { try await provider.model(server).complete(.sample) }
                try await server.inject(#"{"kind":"status","status":400}"#)
                await #expect(throws: ProviderError.self) { try await provider.model(server).complete(.sample) }
            }
            #expect(try await server.requests().count == 2 * ProviderCase.allCases.count)
        }
    }

    @Test("x-should-retry: true retries even a 400")
    func forcedRetry() async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"status","status":400,"should_retry":"true"}"#)
            try await server.reply(Self.answer)
            #expect(try await ProviderCase.anthropic.model(server).complete(.sample).text == Self.answer)
        }
    }

    @Test("a rejected key is not retried and the error names the variable to set", arguments: [ProviderCase.anthropic, .openai, .gemini])
    func rejectedKey(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            let key = "rejected-key-0123456789"
            do {
                _ = try await provider.model(server, key: key).complete(.sample)
                Issue.record("expected an error")
            } catch let error as ProviderError {
                #expect(error.description.contains(provider.keyVariable))
                #expect(!error.description.contains(key))
                #expect(error.attempts == 1)
            }
            #expect(try await server.requests().count == 1)
        }
    }

    @Test("a key echoed in a server's error message is redacted", arguments: ProviderCase.allCases.filter(\.needsKey))
    func echoedKeyRedacted(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"echo_key"}"#)
            do {
                _ = try await provider.model(server).complete(.sample)
                Issue.record("expected an error")
            } catch {
                let text = String(describing: error)
                #expect(!text.contains(ProviderCase.key))
                #expect(text.contains("[redacted]"))
            }
        }
    }

    @Test("a spent quota is not retried")
    func quota() async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"status","status":429,"error_code":"insufficient_quota"}"#)
            await #expect(throws: ProviderError.self) { try await ProviderCase.openai.model(server).complete(.sample) }
            #expect(try await server.requests().count == 1)
        }
    }

    @Test("Gemini's RetryInfo delay is honoured")
    func geminiRetryInfo() async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"status","status":429,"retry_delay":"0.02s"}"#)
            try await server.reply(Self.answer)
            #expect(try await ProviderCase.gemini.model(server).complete(.sample).text == Self.answer)
        }
    }

    @Test("an HTML error page is retried when its status is, then reported as an HTML page", arguments: ProviderCase.allCases)
    func htmlPage(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(
                #"{"kind":"html","status":502}"#, #"{"kind":"html","status":502}"#, #"{"kind":"html","status":502}"#)
            do {
                _ = try await provider.model(server).complete(.sample)
                Issue.record("expected an error")
            } catch let error as ProviderError {
                #expect(error.status == 502)
                #expect(error.message.contains("HTML page"))
                #expect(error.attempts == 3)
            }
        }
    }

    @Test("malformed JSON is an unreadable-response error, plain and streamed", arguments: ProviderCase.allCases)
    func malformed(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"malformed"}"#, #"{"kind":"malformed"}"#)
            do {
                _ = try await provider.model(server).complete(.sample)
                Issue.record("expected an error")
            } catch let error as ProviderError {
                #expect(error.kind == .malformedResponse)
            }
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.providerError?.kind == .malformedResponse, "\(String(describing: outcome.error))")
        }
    }

    @Test("an error event inside a 200 stream ends the call with that error", arguments: ProviderCase.allCases)
    func midStreamError(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"midstream_error","after_chunks":2}"#)
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.providerError?.kind == .streamError, "\(String(describing: outcome.error))")
            #expect(outcome.response == nil)
            #expect(try await server.requests().count == 1)
        }
    }

    @Test("a stream that ends before its end marker is an error, not a short answer", arguments: ProviderCase.allCases)
    func truncated(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"truncated","after_chunks":2}"#)
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.providerError?.kind == .truncatedStream, "\(String(describing: outcome.error))")
            #expect(outcome.response == nil)
        }
    }

    @Test("a connection dropped mid-stream is a transport error and is not retried", arguments: ProviderCase.allCases)
    func disconnect(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"disconnect","after_chunks":2}"#)
            let outcome = await collect(provider.model(server).stream(.sample))
            #expect(outcome.providerError?.kind == .transport, "\(String(describing: outcome.error))")
            #expect(outcome.response == nil)
            #expect(try await server.requests().count == 1)
        }
    }

    @Test("a plain call whose body is cut short is retried and then succeeds")
    func disconnectPlainRetried() async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"disconnect","after_chunks":0}"#)
            try await server.reply(Self.answer)
            #expect(try await ProviderCase.openai.model(server).complete(.sample).text == Self.answer)
        }
    }

    @Test("a stream that stalls is abandoned after the stall timeout with a clear error", arguments: [ProviderCase.anthropic, .openai, .gemini])
    func stall(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"stall","after_chunks":2}"#)
            let outcome = await collect(provider.model(server, transport: .fast(stall: 1)).stream(.sample))
            let error = try #require(outcome.providerError)
            #expect(error.kind == .transport)
            #expect(error.description.contains("stalled"))
            #expect(error.description.contains("LLM_STALL_TIMEOUT"))
            #expect(try await server.wait(for: "closed"))
        }
    }

    @Test("cancelling a streaming call closes the connection, and the server sees it", arguments: [ProviderCase.anthropic, .openai, .gemini, .ollama])
    func cancellation(provider: ProviderCase) async throws {
        try await withFakeServer { server in
            try await server.inject(#"{"kind":"stall","after_chunks":2}"#)
            let model = provider.model(server, transport: .fast(stall: 60))
            let task = Task { await collect(model.stream(.sample)) }
            #expect(try await server.wait(for: "seen"))
            task.cancel()
            let outcome = await task.value
            #expect(outcome.response == nil)
            #expect(try await server.wait(for: "closed"))
            let logged = try #require(try await server.requests().first)
            #expect(logged.clientClosed)
        }
    }

    @Test("an unreachable server is a transport error naming the base URL variable")
    func unreachable() async throws {
        let model = AnthropicModel(
            model: "claude-sonnet-4-5",
            endpoint: ProviderEndpoint(
                baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: ProviderCase.key, apiKeyVariable: "ANTHROPIC_API_KEY",
                baseURLVariable: "ANTHROPIC_BASE_URL"),
            transport: .fast(maxRetries: 1))
        do {
            _ = try await model.complete(.sample)
            Issue.record("expected an error")
        } catch let error as ProviderError {
            #expect(error.kind == .transport)
            #expect(error.attempts == 2)
            #expect(error.description.contains("ANTHROPIC_BASE_URL"))
            #expect(!error.description.contains(ProviderCase.key))
        }
    }
}
