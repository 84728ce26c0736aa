import LineREPL

/// Options the REPL session adds to each command that takes them when its line does not give them:
/// the options `rbank repl` was started with (`--bank`, `--provider`, `--env`, …), `--step` in step mode,
/// and `--jsonl` (or `--json`) in JSON mode. Which commands take which options comes from the command tree.
struct SessionDefaults: Sendable {
    struct Default: Sendable {
        /// The options to add, each with its values; the first one the command takes is added.
        var alternatives: [[String]]
        /// Options that, when the line names one, mean it already says what it wants.
        var givenBy: [String]
    }

    var defaults: [Default] = []

    /// Adds `words` (an option and its value) unless the line gives the option itself.
    mutating func add(_ words: [String]) {
        guard let name = words.first else { return }
        defaults.append(Default(alternatives: [words], givenBy: [name]))
    }

    /// The defaults for a session started with these options, in step and JSON modes as given.
    static func session(options: [[String]], step: Bool, json: Bool) -> SessionDefaults {
        var defaults = SessionDefaults()
        for option in options { defaults.add(option) }
        if step { defaults.defaults.append(Default(alternatives: [["--step"]], givenBy: ["--step"])) }
        if json {
            defaults.defaults.append(
                Default(alternatives: [["--jsonl"], ["--json"]], givenBy: ["--json", "--jsonl", "--csv", "--markdown"]))
        }
        return defaults
    }

    /// `words` with the defaults its command takes appended. A line that names no command, asks for help,
    /// or ends its options with `--` is left as it is.
    func apply(to words: [String], tree: CommandTree) -> [String] {
        guard !words.contains("--") else { return words }
        let (command, path, _) = tree.resolve(words)
        guard let first = path.first, first != "help" else { return words }
        var result = words
        for entry in defaults {
            let given = words.contains { word in entry.givenBy.contains { word == $0 || word.hasPrefix($0 + "=") } }
            guard !given, let chosen = entry.alternatives.first(where: { command.accepts($0[0]) }) else { continue }
            result += chosen
        }
        return result
    }
}
