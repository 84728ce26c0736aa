import Foundation

/// The judge's two lines, parsed.
public struct ParsedVerdict: Sendable, Hashable {
    public var status: VerdictStatus
    public var thoughts: String

    public init(status: VerdictStatus, thoughts: String) {
        self.status = status
        self.thoughts = thoughts
    }
}

/// Parses the paper's judge format: `Thoughts: …` then `Status: "success" or "failure"`.
public enum VerdictParser {
    /// Total. A missing or unknown status is a failure to parse, never a guess.
    public static func parse(_ text: String) -> Result<ParsedVerdict, ParseFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard let statusLabel = TextScanning.lastLabel("Status:", in: trimmed) else {
            return .failure(.missing("Status:"))
        }
        var value = trimmed[statusLabel.upperBound...]
        if let newline = value.firstIndex(where: \.isNewline) { value = value[..<newline] }
        let word = TextScanning.unquoted(value).lowercased()
        let status: VerdictStatus
        switch word {
        case "success", "successful", "succeeded": status = .success
        case "failure", "fail", "failed": status = .failure
        default: return .failure(.invalidValue(field: "Status:", value: String(value)))
        }
        var thoughts = ""
        let head = String(trimmed[..<statusLabel.lowerBound])
        if let thoughtsLabel = TextScanning.lastLabel("Thoughts:", in: head) {
            thoughts = head[thoughtsLabel.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            thoughts = head.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return .success(ParsedVerdict(status: status, thoughts: thoughts))
    }
}
