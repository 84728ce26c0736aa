import Foundation

/// A thought and an action, as parsed from one agent response.
public struct ReActOutput: Sendable, Hashable {
    public var thought: String
    public var action: String

    public init(thought: String, action: String) {
        self.thought = thought
        self.action = action
    }
}

/// Parses agent output in the `Thought: … Action: …` form or the `<think>…</think><action>…</action>` form.
public enum ReActParser {
    /// Total: every input gives a result or a `ParseFailure`.
    public static func parse(_ text: String) -> Result<ReActOutput, ParseFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        if trimmed.range(of: "<action>", options: .caseInsensitive) != nil
            || trimmed.range(of: "<think>", options: .caseInsensitive) != nil
        {
            return parseTagged(trimmed)
        }
        return parseLabelled(trimmed)
    }

    private static func parseTagged(_ text: String) -> Result<ReActOutput, ParseFailure> {
        let thought = TextScanning.between(text, open: "<think>", close: "</think>")
        guard let actionStart = text.range(of: "<action>", options: .caseInsensitive) else {
            return .failure(.missing("<action>"))
        }
        guard let actionEnd = text.range(of: "</action>", options: .caseInsensitive, range: actionStart.upperBound..<text.endIndex)
        else { return .failure(.unterminated("<action>")) }
        let action = text[actionStart.upperBound..<actionEnd.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !action.isEmpty else { return .failure(.invalidValue(field: "<action>", value: "")) }
        return .success(ReActOutput(thought: thought ?? "", action: action))
    }

    private static func parseLabelled(_ text: String) -> Result<ReActOutput, ParseFailure> {
        guard let actionLabel = TextScanning.lastLabel("Action:", in: text) else {
            return .failure(.missing("Action:"))
        }
        var action = text[actionLabel.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        // An action is one line; later lines (e.g. a hallucinated "Observation:") are not part of it.
        if let newline = action.firstIndex(where: \.isNewline) { action = String(action[..<newline]) }
        action = action.trimmingCharacters(in: .whitespaces)
        if action.hasPrefix("`") && action.hasSuffix("`") && action.count >= 2 {
            action = String(action.dropFirst().dropLast())
        }
        guard !action.isEmpty else { return .failure(.invalidValue(field: "Action:", value: "")) }
        let head = String(text[..<actionLabel.lowerBound])
        let thought: String
        if let thoughtLabel = TextScanning.lastLabel("Thought:", in: head) {
            thought = head[thoughtLabel.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            thought = head.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return .success(ReActOutput(thought: thought, action: action))
    }
}
