import Foundation

/// The Best-of-N selector's answer, parsed.
public struct ParsedSelection: Sendable, Hashable {
    /// 0-based index of the chosen candidate.
    public var index: Int
    public var thoughts: String

    public init(index: Int, thoughts: String) {
        self.index = index
        self.thoughts = thoughts
    }
}

/// Parses the selector format: `Thoughts: …` then `Best: N`, N from 1 to the number of candidates.
public enum SelectionParser {
    /// Total. `Best:` may say `3`, `#3`, `Trajectory 3` or `candidate 3.`; the last `Best:` line counts.
    /// A missing, unnumbered or out-of-range choice is a failure to parse, never a guess.
    public static func parse(_ text: String, candidates: Int) -> Result<ParsedSelection, ParseFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard let label = TextScanning.lastLabel("Best:", in: trimmed) else { return .failure(.missing("Best:")) }
        var value = trimmed[label.upperBound...]
        if let newline = value.firstIndex(where: \.isNewline) { value = value[..<newline] }
        let digits = value.drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits), number >= 1, number <= candidates
        else {
            return .failure(.invalidValue(field: "Best:", value: value.trimmingCharacters(in: .whitespaces)))
        }
        let head = String(trimmed[..<label.lowerBound])
        let thoughts: String
        if let thoughtsLabel = TextScanning.lastLabel("Thoughts:", in: head) {
            thoughts = head[thoughtsLabel.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            thoughts = head.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return .success(ParsedSelection(index: number - 1, thoughts: thoughts))
    }
}
