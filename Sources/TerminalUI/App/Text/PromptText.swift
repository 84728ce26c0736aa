import ReasoningBank

/// A model request as editable text — exactly `ModelRequest.renderedPrompt`: a `[system]` section, then
/// one `[user]` or `[assistant]` section per turn, each marker alone on its line — and back.
///
/// Every section may be edited, turns may be added or removed; temperature, token limit, stop sequences
/// and purpose stay as they were. A prompt whose own text contains a marker line cannot be read back
/// unambiguously, so it is refused rather than split in the wrong place.
public enum PromptText {
    /// The request `text` describes, based on `original`.
    public static func parse(_ text: String, original: ModelRequest) -> Result<ModelRequest, PromptTextError> {
        guard case .success(let parsedOriginal) = sections(original.renderedPrompt),
            request(parsedOriginal, original: original) == original
        else { return .failure(.ambiguous) }
        return sections(text).map { request($0, original: original) }
    }

    /// The request with `sections`; a section equal to the original's but for trailing newlines (which
    /// editors add and the text form cannot keep) keeps the original's exact text.
    private static func request(_ sections: (system: String, turns: [ChatMessage]), original: ModelRequest) -> ModelRequest {
        func same(_ edited: String, _ old: String) -> Bool { trimmedEnd(edited) == trimmedEnd(old) }
        var edited = original
        edited.system = same(sections.system, original.system) ? original.system : sections.system
        edited.messages = sections.turns.enumerated().map { index, turn in
            if index < original.messages.count, original.messages[index].role == turn.role,
                same(turn.content, original.messages[index].content)
            {
                return original.messages[index]
            }
            return turn
        }
        return edited
    }

    private static func trimmedEnd(_ text: String) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "\n" { end = text.index(before: end) }
        return text[..<end]
    }

    private static func sections(_ text: String) -> Result<(system: String, turns: [ChatMessage]), PromptTextError> {
        var system: [String]?
        var turns: [(ChatMessage.Role, [String])] = []
        var inSystem = false
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            switch line.trimmingCharacters(in: .whitespaces) {
            case "[system]":
                guard system == nil, turns.isEmpty else { return .failure(.misplacedSystem) }
                system = []
                inSystem = true
            case "[user]":
                turns.append((.user, []))
                inSystem = false
            case "[assistant]":
                turns.append((.assistant, []))
                inSystem = false
            default:
                if inSystem {
                    system?.append(line)
                } else if !turns.isEmpty {
                    turns[turns.count - 1].1.append(line)
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    return .failure(.textBeforeSystem)
                }
            }
        }
        guard let system else { return .failure(.noSystem) }
        guard !turns.isEmpty else { return .failure(.noTurns) }
        // renderedPrompt separates sections with one blank line; drop it again.
        func body(_ lines: [String], last: Bool) -> String {
            var lines = lines
            if !last, lines.last == "" { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
        let messages = turns.enumerated().map { index, turn in
            ChatMessage(role: turn.0, content: body(turn.1, last: index == turns.count - 1))
        }
        return .success((body(system, last: false), messages))
    }
}

/// Why an edited prompt could not be read.
public enum PromptTextError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSystem
    case noTurns
    case textBeforeSystem
    case misplacedSystem
    case ambiguous

    public var description: String {
        switch self {
        case .noSystem: "the [system] line is missing"
        case .noTurns: "there is no [user] section"
        case .textBeforeSystem: "there is text before [system]"
        case .misplacedSystem: "[system] must come once, first"
        case .ambiguous: "the prompt itself contains a [system], [user] or [assistant] line, so an edit cannot be read back"
        }
    }
}
