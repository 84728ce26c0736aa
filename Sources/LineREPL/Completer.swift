/// Tab completion over a `CommandTree`: command and subcommand names, option names, the fixed values an
/// option accepts, and values the session knows (task ids, memory ids, …) through `values`.
public struct Completer: Sendable {
    /// The commands.
    public var tree: CommandTree
    /// Words the session understands besides the commands (`exit`, `step`), each with the words it takes.
    public var sessionWords: [String: [String]]
    /// Candidates for a value called `valueName` (an option's or a positional argument's) on a line,
    /// given the command it belongs to.
    public var values: @Sendable (_ valueName: String, _ context: CompletionContext) -> [String]

    public init(
        tree: CommandTree, sessionWords: [String: [String]] = [:],
        values: @escaping @Sendable (_ valueName: String, _ context: CompletionContext) -> [String] = { _, _ in [] }
    ) {
        self.tree = tree
        self.sessionWords = sessionWords
        self.values = values
    }

    /// The completion of the word at the end of `line` (the text before the cursor).
    public func complete(_ line: String) -> Completion {
        let scan = CommandWords.scan(line)
        let prefix = scan.partial ?? ""
        return Completion.of(prefix, among: candidates(scan.words, prefix: prefix), openQuote: scan.openQuote)
    }

    /// Every word that could come next after `words`, before filtering by what is typed.
    func candidates(_ words: [String], prefix: String) -> [String] {
        var words = words
        if words.first == tree.name { words.removeFirst() }
        guard let first = words.first else { return visibleNames(tree) + sessionWords.keys }
        if first == "help" {
            let (command, _, rest) = tree.resolve(Array(words.dropFirst()))
            return rest.isEmpty ? visibleNames(command) : []
        }
        if let arguments = sessionWords[first], tree.subcommand(named: first) == nil {
            return words.count == 1 ? arguments : []
        }
        let (command, path, rest) = tree.resolve(words)
        let context = CompletionContext(command: command, path: path, words: rest, typed: prefix)
        // A value for the option just named?
        if let last = rest.last, let option = command.option(named: last), option.takesValue, !last.contains("=") {
            return option.values.isEmpty ? values(option.valueName, context) : option.values
        }
        let optionNames = command.options.filter { option in
            option.isVisible && (option.isRepeating || !rest.contains { option.names.contains($0) })
        }.map(\.preferredName)
        if prefix.hasPrefix("-") { return optionNames }
        var found: [String] = rest.isEmpty ? visibleNames(command) : []
        if let positional = context.positional {
            found += positional.values.isEmpty ? values(positional.valueName, context) : positional.values
        }
        // Nothing else fits an empty word: offer the options, so Tab shows what the command takes.
        if found.isEmpty, prefix.isEmpty { return optionNames }
        return found
    }

    private func visibleNames(_ command: CommandTree) -> [String] {
        command.subcommands.filter(\.isVisible).map(\.name)
    }
}

/// Where on a line a completion is: the command named so far and the words after its name.
public struct CompletionContext: Sendable {
    /// The command the line names.
    public var command: CommandTree
    /// The subcommand names that lead to it (`["bank", "show"]`).
    public var path: [String]
    /// The complete words after the command's name.
    public var words: [String]
    /// What is typed of the word being completed.
    public var typed: String

    public init(command: CommandTree, path: [String], words: [String], typed: String = "") {
        self.command = command
        self.path = path
        self.words = words
        self.typed = typed
    }

    /// The value the line gives `option` (`--env shop`, `--env=shop`), if it gives one.
    public func given(_ option: String) -> String? {
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
        }
        return nil
    }

    /// The value the line gives `option`, else the option's default.
    public func value(of option: String) -> String? {
        given(option) ?? command.option(named: option)?.defaultValue
    }

    /// The positional argument the next word would fill, if any.
    public var positional: CommandTree.Positional? {
        var filled = 0
        var skipNext = false
        for word in words {
            if skipNext {
                skipNext = false
                continue
            }
            if word.hasPrefix("-"), word.count > 1 {
                if let option = command.option(named: word), option.takesValue, !word.contains("=") { skipNext = true }
                continue
            }
            filled += 1
        }
        guard !command.positionals.isEmpty else { return nil }
        if filled < command.positionals.count { return command.positionals[filled] }
        return command.positionals.last?.isRepeating == true ? command.positionals.last : nil
    }
}
