import LineREPL

/// What a line typed at the REPL asks for. Lines are split like a shell would; anything that is not one
/// of the REPL's own words (`ReplWord`) is a command for the argument parser, exactly as on the command line.
enum ReplLine: Equatable {
    /// A blank line, or a comment (`# …`).
    case nothing
    case exit
    /// `help` and the words after it.
    case help([String])
    /// `step on|off`, `json on|off`; nil asks for the current setting.
    case step(Bool?)
    case json(Bool?)
    /// A command's words, without a leading `rbank`.
    case command([String])

    /// Reads `line`; an unclosed quote or a misused REPL word is an error that says what to type.
    static func interpret(_ line: String) throws -> ReplLine {
        if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return .nothing }
        var words: [String]
        do { words = try CommandWords.split(line) } catch { throw CLIError(error.description) }
        if words.first == "rbank" { words.removeFirst() }
        guard let first = words.first else { return .nothing }
        let rest = Array(words.dropFirst())
        switch first {
        case "exit", "quit":
            guard rest.isEmpty else { throw CLIError("\(first) takes nothing after it.") }
            return .exit
        case "help":
            return .help(rest)
        case "step":
            return .step(try onOff(rest, for: first))
        case "json":
            return .json(try onOff(rest, for: first))
        case "repl":
            throw CLIError("This is the REPL already. Type help for the commands.")
        default:
            return .command(words)
        }
    }

    private static func onOff(_ rest: [String], for word: String) throws -> Bool? {
        switch rest {
        case []: return nil
        case ["on"]: return true
        case ["off"]: return false
        default: throw CLIError("\(word) takes on or off, e.g. \(word) on.")
        }
    }
}
