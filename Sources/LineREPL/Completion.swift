/// What Tab does with the word at the cursor.
public struct Completion: Sendable, Hashable {
    /// The word being completed, as far as it is typed (unquoted).
    public var prefix: String
    /// Every candidate that starts with `prefix`, sorted.
    public var candidates: [String]
    /// Text to insert at the cursor: the rest of the only candidate (escaped, then a space unless it is a
    /// folder), or the rest of the candidates' common prefix; empty when there is nothing to add.
    public var insertion: String

    public init(prefix: String, candidates: [String], insertion: String) {
        self.prefix = prefix
        self.candidates = candidates
        self.insertion = insertion
    }

    /// Whether to list the candidates: there are several, and typing cannot be taken further.
    public var showsList: Bool { candidates.count > 1 && insertion.isEmpty }

    /// The completion of `prefix` among `words`, for a word typed with `openQuote` still open.
    public static func of(_ prefix: String, among words: [String], openQuote: Character? = nil) -> Completion {
        let candidates = Array(Set(words.filter { $0.hasPrefix(prefix) && !$0.isEmpty })).sorted()
        guard let first = candidates.first else { return Completion(prefix: prefix, candidates: [], insertion: "") }
        if candidates.count == 1 {
            let rest = String(first.dropFirst(prefix.count))
            let isFolder = first.hasSuffix("/")
            var insertion = write(rest, openQuote: openQuote)
            if !isFolder {
                if let openQuote { insertion.append(openQuote) }
                insertion.append(" ")
            }
            return Completion(prefix: prefix, candidates: candidates, insertion: insertion)
        }
        let common = candidates.dropFirst().reduce(first) { shared, word in String(shared.sharedPrefix(with: word)) }
        let rest = String(common.dropFirst(prefix.count))
        return Completion(prefix: prefix, candidates: candidates, insertion: write(rest, openQuote: openQuote))
    }

    /// `text` as it must be typed: escaped outside quotes, as is inside them.
    private static func write(_ text: String, openQuote: Character?) -> String {
        guard openQuote == nil, !text.isEmpty else { return text }
        return CommandWords.escaped(text)
    }
}

extension String {
    /// The longest common prefix, compared by characters.
    fileprivate func sharedPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[..<end]
    }
}
