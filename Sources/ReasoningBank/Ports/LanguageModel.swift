import Foundation

/// A piece of a streamed answer.
public enum ModelStreamEvent: Sendable {
    case delta(String)
    case done(ModelResponse)
}

/// A chat model: a real provider or the offline simulation.
public protocol LanguageModel: Sendable {
    var descriptor: ModelDescriptor { get }
    /// Answers a request in full. Throws on infrastructure failure (which ends a run as `error`).
    func complete(_ request: ModelRequest) async throws -> ModelResponse
    /// Streams an answer; the default streams the complete answer as one delta.
    func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error>
    /// The model as the `index`-th independent sample (MaTTS trajectory or round). A provider samples
    /// each call independently already, so the default is the model itself; the offline simulation
    /// returns a copy whose seeded dice differ per sample (at temperature > 0).
    func sampled(_ index: Int) -> any LanguageModel
}

extension LanguageModel {
    public func sampled(_ index: Int) -> any LanguageModel { self }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await complete(request)
                    continuation.yield(.delta(response.text))
                    continuation.yield(.done(response))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
