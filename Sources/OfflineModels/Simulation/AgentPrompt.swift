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
    /// The agent's earlier raw responses, oldest first.
    public var previousResponses: [String]

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
        previousResponses = request.messages.filter { $0.role == .assistant }.map(\.content)
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
