import Foundation
import ReasoningBank

extension SimulatedModel {
    /// Streams the answer in word-sized deltas (each word with the whitespace after it), then `.done`
    /// with the full response. The deltas concatenate to exactly the response text.
    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        let response = respond(to: request)
        let pieces = Self.wordDeltas(response.text)
        let pacing = streamPacing
        let latency = callLatency
        return AsyncThrowingStream { continuation in
            let task = Task {
                if latency > .zero {
                    do { try await Task.sleep(for: latency) } catch {
                        continuation.finish(throwing: CancellationError())
                        return
                    }
                }
                for piece in pieces {
                    if pacing > .zero { try? await Task.sleep(for: pacing) }
                    if Task.isCancelled {
                        continuation.finish(throwing: CancellationError())
                        return
                    }
                    continuation.yield(.delta(piece))
                }
                continuation.yield(.done(response))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// `text` cut into words, each keeping the whitespace that follows it.
    static func wordDeltas(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inTrailingSpace = false
        for character in text {
            if character.isWhitespace {
                inTrailingSpace = true
            } else if inTrailingSpace {
                pieces.append(current)
                current = ""
                inTrailingSpace = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
