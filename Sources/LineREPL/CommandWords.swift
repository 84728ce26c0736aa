/// Splits a command line into words the way a shell would: whitespace separates, 'single' and "double"
/// quotes group, a backslash escapes the next character (not inside single quotes).
///
/// The one splitter of the command language: the REPL, the workbench's `:` palette and completion use it.
public enum CommandWords {
    /// A line read up to its end: the finished words, and the word still being typed.
    public struct Scan: Sendable, Hashable {
        /// The words that are complete (followed by whitespace).
        public var words: [String]
        /// The word being typed at the end of the line, unquoted; `nil` when the line is empty or ends in whitespace.
        public var partial: String?
        /// The quote left open at the end of the line, if any.
        public var openQuote: Character?

        public init(words: [String], partial: String?, openQuote: Character?) {
            self.words = words
            self.partial = partial
            self.openQuote = openQuote
        }
    }

    /// The words of `line`. An unclosed quote is an error.
    public static func split(_ line: String) throws(CommandWordsError) -> [String] {
        let scan = scan(line)
        if scan.openQuote != nil { throw CommandWordsError.unclosedQuote(line: line) }
        return scan.words + (scan.partial.map { [$0] } ?? [])
    }

    /// Reads `line` without failing: an open quote or a trailing backslash is reported, not refused.
    public static func scan(_ line: String) -> Scan {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in line {
            if escaping {
                current.append(character)
                escaping = false
                inWord = true
            } else if character == "\\", quote != "'" {
                escaping = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if escaping { current.append("\\") }
        let partial: String? = inWord || escaping ? current : nil
        return Scan(words: words, partial: partial, openQuote: quote)
    }

    /// `word` written so that `split` reads it back as one word: unchanged when it has nothing special,
    /// otherwise with a backslash before each space, quote and backslash.
    public static func escaped(_ word: String) -> String {
        guard !word.isEmpty else { return "''" }
        var text = ""
        for character in word {
            if character.isWhitespace || character == "'" || character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text
    }
}

/// Why a line could not be split into words.
public enum CommandWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    case unclosedQuote(line: String)

    public var description: String {
        switch self {
        case .unclosedQuote(let line): "Unclosed quote in: \(line)"
        }
    }
}
