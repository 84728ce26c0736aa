import Foundation
import ReasoningBank

extension SimulatedModel {
    /// Roughly four characters per token, at least one token for non-empty text.
    public static func approximateTokens(_ text: String) -> Int {
        let characters = text.count
        return characters == 0 ? 0 : (characters + 3) / 4
    }

    /// Applies the request's stop sequences and token limit to `text` and counts usage (one call).
    static func finish(_ text: String, for request: ModelRequest) -> ModelResponse {
        var output = text
        var stopReason = "end_turn"
        var cut = output.endIndex
        for stop in request.stopSequences where !stop.isEmpty {
            if let range = output.range(of: stop), range.lowerBound < cut { cut = range.lowerBound }
        }
        if cut < output.endIndex {
            output = String(output[..<cut])
            stopReason = "stop_sequence"
        }
        if request.maxTokens > 0, approximateTokens(output) > request.maxTokens {
            output = String(output.prefix(request.maxTokens * 4))
            stopReason = "max_tokens"
        }
        let input = approximateTokens(request.system) + request.messages.reduce(0) { $0 + approximateTokens($1.content) }
        return ModelResponse(
            text: output, usage: Usage(inputTokens: input, outputTokens: approximateTokens(output), calls: 1),
            stopReason: stopReason)
    }
}
