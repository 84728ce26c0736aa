import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Simulated model: streaming and usage")
struct SimulatedModelStreamingTests {
    @Test func streamsWordSizedDeltasThenDone() async throws {
        let model = SimulatedModel()
        let request = Fixtures.agentRequest(question: Fixtures.rows[0].question)
        var deltas: [String] = []
        var final: ModelResponse?
        for try await event in model.stream(request) {
            switch event {
            case .delta(let piece):
                #expect(final == nil)
                deltas.append(piece)
            case .done(let response):
                final = response
            }
        }
        let response = try #require(final)
        #expect(deltas.count > 5)
        #expect(deltas.joined() == response.text)
        #expect(response == model.respond(to: request))
        let complete = try await model.complete(request)
        #expect(complete == response)
    }

    @Test func wordDeltasKeepEveryCharacter() {
        for text in ["", "one", "two words", "  lead\nand  trail  ", "Thought: a\nAction: answer('x')"] {
            #expect(SimulatedModel.wordDeltas(text).joined() == text)
        }
        #expect(SimulatedModel.wordDeltas("a b  c") == ["a ", "b  ", "c"])
    }

    @Test func usageIsApproximatelyFourCharactersPerToken() {
        #expect(SimulatedModel.approximateTokens("") == 0)
        #expect(SimulatedModel.approximateTokens("abcd") == 1)
        #expect(SimulatedModel.approximateTokens("abcde") == 2)
        let request = ModelRequest(
            purpose: .judge, system: String(repeating: "s", count: 40),
            messages: [ChatMessage(role: .user, content: String(repeating: "u", count: 80))], temperature: 0, maxTokens: 512)
        let response = SimulatedModel().respond(to: request)
        #expect(response.usage.inputTokens == 30)
        #expect(response.usage.outputTokens == SimulatedModel.approximateTokens(response.text))
        #expect(response.usage.calls == 1)
    }

    @Test func honoursTokenLimitAndStopSequences() {
        var request = Fixtures.agentRequest(question: Fixtures.rows[0].question)
        request.maxTokens = 5
        let short = SimulatedModel().respond(to: request)
        #expect(short.text.count <= 20)
        #expect(short.stopReason == "max_tokens")
        request.maxTokens = 1024
        request.stopSequences = ["\nAction:"]
        let stopped = SimulatedModel().respond(to: request)
        #expect(!stopped.text.contains("Action:"))
        #expect(stopped.stopReason == "stop_sequence")
    }
}
