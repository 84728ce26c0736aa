import Foundation
import ReasoningBank

/// What the simulated agent reads out of an agent request: the task, the latest observation, the
/// injected memory items and its own earlier responses.
public struct AgentPrompt: Sendable, Hashable {
    /// The whole system prompt (agent instructions, the environment's action guide, memories).
    public var system: String
    /// The task, read from the `Task:` label of the first user message; nil when it is missing.
    public var task: String?
    /// The latest observation (the text after `Observation:` in the last user message, or all of it).
    public var latestObservation: String
    /// The injected memory items, in order (item 1 first), parsed with `MemoryItemParser`.
    public var memories: [ExtractedItem]
    /// The agent's earlier raw responses in this attempt, oldest first.
    public var previousResponses: [String]
    /// The agent's responses in earlier rounds of a self-refinement (sequential MaTTS), oldest first.
    public var earlierResponses: [String]
    /// 1 for a plain episode; one more after each check prompt of a self-refinement.
    public var round: Int

    /// Reads `request`; never fails (missing parts become nil or empty).
    public init(_ request: ModelRequest) {
        system = request.system
        let userMessages = request.messages.filter { $0.role == .user }.map(\.content)
        let first = userMessages.first ?? ""
        let task = PromptText.value(after: ["Task:"], in: first, until: ["Observation:"])
        self.task = (task?.isEmpty ?? true) ? nil : task
        let last = userMessages.last ?? ""
        latestObservation = PromptText.value(after: ["Observation:"], in: last) ?? last.trimmingCharacters(in: .whitespacesAndNewlines)
        memories = Self.memoryItems(in: request.system)
        let checks = request.messages.indices.filter {
            request.messages[$0].role == .user && Self.isCheckPrompt(request.messages[$0].content)
        }
        round = checks.count + 1
        let split = checks.last ?? request.messages.startIndex
        previousResponses = request.messages[split...].filter { $0.role == .assistant }.map(\.content)
        earlierResponses = request.messages[..<split].filter { $0.role == .assistant }.map(\.content)
    }

    /// Whether a user turn is a self-refinement check prompt: the simulation recognises the default
    /// `check_first.md` ("re-examine") and `check_again.md` ("Let's check again").
    static func isCheckPrompt(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("re-examine") || lower.contains("let's check again")
    }

    /// The thoughts of the agent's earlier rounds, joined.
    public var earlierThoughts: String {
        earlierResponses.compactMap { response -> String? in
            if case .success(let output) = ReActParser.parse(response) { return output.thought }
            return nil
        }.joined(separator: "\n")
    }

    /// 1-based number of the step being decided.
    public var step: Int { previousResponses.count + 1 }

    /// Whether the latest observation reports a rejected action (an `Error:` line or a parse complaint).
    public var latestObservationIsError: Bool {
        guard step > 1 else { return false }
        if PromptText.find("Error:", in: latestObservation) != nil { return true }
        let lower = latestObservation.lowercased()
        return lower.contains("could not be parsed") || lower.contains("invalid action") || lower.contains("unknown action")
    }

    /// The items after the first `# Memory Item` (or `## Title`) heading of the system prompt.
    static func memoryItems(in system: String) -> [ExtractedItem] {
        let start = PromptText.find("# Memory Item", in: system) ?? PromptText.find("## Title", in: system)
        guard let start else { return [] }
        var lineStart = start.lowerBound
        while lineStart > system.startIndex, !system[system.index(before: lineStart)].isNewline {
            lineStart = system.index(before: lineStart)
        }
        switch MemoryItemParser.parse(String(system[lineStart...])) {
        case .success(let items): return items
        case .failure: return []
        }
    }
}
