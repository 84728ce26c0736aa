import LineREPL
import Testing

@Suite("Tab completion over a command tree")
struct CompleterTests {
    typealias Option = CommandTree.Option

    /// A small tree shaped like rbank's: options with values and defaults, flags, positionals, a group.
    static let tree = CommandTree(
        name: "rbank",
        subcommands: [
            CommandTree(
                name: "run",
                options: [
                    Option(names: ["--task"], takesValue: true, valueName: "task"),
                    Option(names: ["--tasks"], takesValue: true, valueName: "tasks"),
                    Option(names: ["--env"], takesValue: true, valueName: "env", defaultValue: "qa"),
                    Option(names: ["--all"], takesValue: false, valueName: "all"),
                    Option(names: ["-h", "--help"], takesValue: false, valueName: "help", isVisible: false),
                ],
                positionals: [CommandTree.Positional(valueName: "query")]),
            CommandTree(
                name: "bank",
                subcommands: [
                    CommandTree(
                        name: "show", options: [Option(names: ["--json"], takesValue: false, valueName: "json")],
                        positionals: [CommandTree.Positional(valueName: "id")]),
                    CommandTree(name: "stats"),
                    CommandTree(name: "search", positionals: [CommandTree.Positional(valueName: "text", isRepeating: true)]),
                    CommandTree(
                        name: "export",
                        options: [Option(names: ["--format"], takesValue: true, valueName: "format", values: ["seed-json", "official-jsonl"])]),
                ]),
            CommandTree(name: "help", positionals: [CommandTree.Positional(valueName: "subcommands", isRepeating: true)]),
            CommandTree(name: "secret", isVisible: false),
        ])

    static let completer = Completer(tree: tree, sessionWords: ["exit": [], "step": ["on", "off"]]) { valueName, context in
        switch valueName {
        case "task": (context.value(of: "--env") == "shop" ? ["shop-001", "shop-002"] : ["qa-001", "qa-002", "qa-010"])
        case "env": ["qa", "shop"]
        case "id": ["m-aaa111", "m-abc222", "m-b33333"]
        case "text": ["the typed word was \(context.typed)"]
        default: []
        }
    }

    private func complete(_ line: String) -> Completion { Self.completer.complete(line) }

    @Test("command names at the start, with the session's words; hidden commands are not offered")
    func commandNames() {
        #expect(complete("").candidates == ["bank", "exit", "help", "run", "step"])
        #expect(complete("ba").insertion == "nk ")
        #expect(complete("s").candidates == ["step"])
        #expect(complete("rbank ru").insertion == "n ")
    }

    @Test("subcommands after a group, their common prefix first, then the list")
    func subcommands() {
        #expect(complete("bank ").candidates == ["export", "search", "show", "stats"])
        let s = complete("bank s")
        #expect(s.candidates == ["search", "show", "stats"])
        #expect(s.insertion.isEmpty && s.showsList)
        #expect(complete("bank st").insertion == "ats ")
        #expect(complete("help ba").insertion == "nk ")
        #expect(complete("help bank s").candidates == ["search", "show", "stats"])
    }

    @Test("option names after a dash, without options already given or hidden; a shared prefix is inserted")
    func optionNames() {
        #expect(complete("run -").candidates == ["--all", "--env", "--task", "--tasks"])
        #expect(complete("run --all -").candidates == ["--env", "--task", "--tasks"])
        let task = complete("run --ta")
        #expect(task.candidates == ["--task", "--tasks"])
        #expect(task.insertion == "sk")
        #expect(complete("run --e").insertion == "nv ")
    }

    @Test("option values: a fixed set, or what the session knows in the line's context")
    func optionValues() {
        #expect(complete("bank export --format o").insertion == "fficial-jsonl ")
        #expect(complete("run --task qa-0").candidates == ["qa-001", "qa-002", "qa-010"])
        #expect(complete("run --task qa-00").insertion.isEmpty)
        #expect(complete("run --env shop --task ").insertion == "shop-00")
        #expect(complete("run --env ").candidates == ["qa", "shop"])
    }

    @Test("positional values, and the typed text reaches the value source")
    func positionals() {
        #expect(complete("bank show m-a").candidates == ["m-aaa111", "m-abc222"])
        #expect(complete("bank show m-b").insertion == "33333 ")
        #expect(complete("bank show --json m-aa").insertion == "a111 ")
        #expect(complete("bank search the").candidates == ["the typed word was the"])
        #expect(complete("bank search one two the").candidates == ["the typed word was the"])
    }

    @Test("a word with nothing to complete offers the command's options; a session word offers its arguments")
    func fallbacks() {
        #expect(complete("run ").candidates == ["--all", "--env", "--task", "--tasks"])
        #expect(complete("run x").candidates.isEmpty)
        #expect(complete("step ").candidates == ["off", "on"])
        #expect(complete("step o").candidates == ["off", "on"])
        #expect(complete("exit ").candidates.isEmpty)
        #expect(complete("nonsense ").candidates.isEmpty)
    }

    @Test("insertions are escaped outside quotes and closed inside them")
    func quoting() {
        let spaced = Completion.of("my", among: ["my file.txt"])
        #expect(spaced.insertion == #"\ file.txt "#)
        let quoted = Completion.of("my", among: ["my file.txt"], openQuote: "\"")
        #expect(quoted.insertion == #" file.txt" "#)
        #expect(Completion.of("da", among: ["data/"]).insertion == "ta/")
        #expect(Completion.of("x", among: []).candidates.isEmpty)
    }

    @Test("the command tree finds subcommands and options by any spelling")
    func treeLookup() {
        let (command, path, rest) = Self.tree.resolve(["bank", "show", "m-1", "--json"])
        #expect(command.name == "show" && path == ["bank", "show"] && rest == ["m-1", "--json"])
        let run = Self.tree.subcommand(named: "run")
        #expect(run?.accepts("-h") == true)
        #expect(run?.accepts("--env=shop") == true)
        #expect(run?.accepts("--bank") == false)
        #expect(run?.option(named: "--help")?.preferredName == "--help")
    }
}
