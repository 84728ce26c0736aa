import Foundation
import ReasoningBank

/// A model that answers from a script per purpose, and records every request it was sent.
public actor ScriptedModel: LanguageModel {
    public nonisolated let descriptor = ModelDescriptor(provider: "test", model: "scripted", isSimulation: true)
    private var scripts: [ModelPurpose: [String]]
    private let fallback: [ModelPurpose: String]
    public private(set) var requests: [ModelRequest] = []

    /// `scripts` are consumed in order; when a purpose's script runs out, `fallback` answers.
    public init(scripts: [ModelPurpose: [String]] = [:], fallback: [ModelPurpose: String] = [:]) {
        self.scripts = scripts
        self.fallback = fallback
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        requests.append(request)
        var text = fallback[request.purpose] ?? ""
        if var queue = scripts[request.purpose], !queue.isEmpty {
            text = queue.removeFirst()
            scripts[request.purpose] = queue
        }
        return ModelResponse(text: text, usage: Usage(inputTokens: 10, outputTokens: 5, calls: 1))
    }
}

/// A model whose every call fails, as a provider outage would.
public struct FailingModel: LanguageModel {
    public struct Outage: Error, CustomStringConvertible {
        public var description: String { "HTTP 529 overloaded (simulated outage)" }
    }

    public let descriptor = ModelDescriptor(provider: "test", model: "failing", isSimulation: true)
    /// Calls of these purposes fail; others answer with `answer`.
    public var failing: Set<ModelPurpose>
    public var answer: String

    public init(failing: Set<ModelPurpose> = Set(ModelPurpose.allCases), answer: String = "") {
        self.failing = failing
        self.answer = answer
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        if failing.contains(request.purpose) { throw Outage() }
        return ModelResponse(text: answer, usage: Usage(calls: 1))
    }
}
