import Foundation

/// What a model call is for. Providers ignore it; the offline model and the logs use it.
public enum ModelPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    case agent
    case judge
    case extractSuccess = "extract-success"
    case extractFailure = "extract-failure"
    /// AWM: induce a reusable workflow from a successful trajectory.
    case induceWorkflow = "induce-workflow"
    /// MaTTS parallel: self-contrast extraction over k trajectories labelled with their verdicts.
    case extractContrast = "extract-contrast"
    /// MaTTS sequential: extraction from the successive attempts of one self-refining agent.
    case extractRefinement = "extract-refinement"
    /// MaTTS parallel: the Best-of-N selector.
    case selectBest = "select-best"
}

/// One chat turn.
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case user
        case assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// A provider-neutral chat request.
public struct ModelRequest: Sendable, Hashable, Codable {
    public var purpose: ModelPurpose
    public var system: String
    public var messages: [ChatMessage]
    public var temperature: Double
    public var maxTokens: Int
    public var stopSequences: [String]

    public init(
        purpose: ModelPurpose, system: String, messages: [ChatMessage], temperature: Double, maxTokens: Int,
        stopSequences: [String] = []
    ) {
        self.purpose = purpose
        self.system = system
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.stopSequences = stopSequences
    }

    /// The whole prompt as one readable text (system, then each turn), for display and logs.
    public var renderedPrompt: String {
        var parts = ["[system]\n" + system]
        for message in messages { parts.append("[\(message.role.rawValue)]\n" + message.content) }
        return parts.joined(separator: "\n\n")
    }
}

/// A model's answer to a `ModelRequest`.
public struct ModelResponse: Sendable, Hashable, Codable {
    public var text: String
    public var usage: Usage
    public var stopReason: String?

    public init(text: String, usage: Usage, stopReason: String? = nil) {
        self.text = text
        self.usage = usage
        self.stopReason = stopReason
    }
}
