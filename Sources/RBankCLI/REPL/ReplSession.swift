import ArgumentParser
import Foundation
import LineREPL

/// One REPL session: reads lines, runs each as a command in this process, and keeps going whatever a
/// command does. Commands are parsed and run by the argument parser, exactly as on the command line.
struct ReplSession {
    let configuration: Configuration
    let input: any LineSource
    /// The line editor, when the session is on a terminal (for completion).
    let editor: LineEditor?
    let tree: CommandTree
    /// The options `rbank repl` was started with, handed to every command that takes them.
    let options: [[String]]
    var step: Bool
    var json: Bool
    var completions: ReplCompletions
    /// Set once a command failed (a script's exit status says so).
    private(set) var failed = false

    init(
        configuration: Configuration, input: any LineSource, editor: LineEditor?, options: [[String]], environment: String?,
        step: Bool, json: Bool
    ) {
        self.configuration = configuration
        self.input = input
        self.editor = editor
        var tree = CommandTree.rbank
        tree.subcommands.removeAll { $0.name == "repl" }
        self.tree = tree
        self.options = options + (environment.map { [["--env", $0]] } ?? [])
        self.step = step
        self.json = json
        completions = ReplCompletions(sessionEnvironment: environment)
    }

    /// Whether lines come from a person at a terminal (rather than a script).
    var isInteractive: Bool { editor != nil }

    /// Runs until `exit`, Ctrl-D or the end of the script; the exit status: 0, or 1 when a script had a
    /// failing command; 130 after SIGINT while a script waited for input, 143 after SIGTERM.
    mutating func run() async -> Int32 {
        let signals = SessionSignals()
        let input = input
        return await SignalCancellation.withHandler({ number in
            signals.record(number)
            input.interrupt()
        }) {
            await loop(signals)
        }
    }

    private mutating func loop(_ signals: SessionSignals) async -> Int32 {
        if isInteractive {
            await completions.loadTaskIDs(configuration)
            print(banner)
        }
        while true {
            if let status = signals.exitStatus(interactive: isInteractive) { return status }
            if let editor {
                completions.loadMemoryIDs(bankPath: configuration.memoryBankPath)
                editor.setCompleter(completions.completer(tree: tree))
            }
            switch await input.readLine(prompt: "rbank> ", remember: true) {
            case .end:
                return isInteractive || !failed ? 0 : 1
            case .interrupted:
                continue
            case .line(let line):
                if let status = signals.exitStatus(interactive: isInteractive) { return status }
                if await perform(line) == .exit { return isInteractive || !failed ? 0 : 1 }
            }
        }
    }

    private enum Next { case goOn, exit }

    private mutating func perform(_ line: String) async -> Next {
        let request: ReplLine
        do { request = try ReplLine.interpret(line) } catch {
            fail(String(describing: error))
            return .goOn
        }
        switch request {
        case .nothing:
            break
        case .exit:
            return .exit
        case .help(let words):
            await help(words)
        case .step(let on):
            if let on { step = on }
            print("Step mode is \(step ? "on: every run stops at each gate and asks" : "off").")
        case .json(let on):
            if let on { json = on }
            print("JSON output is \(json ? "on: runs stream JSON lines, other commands print JSON" : "off").")
        case .command(let words):
            await execute(words)
        }
        fflush(nil)
        return .goOn
    }

    private mutating func help(_ words: [String]) async {
        guard let first = words.first else {
            return print(RBank.helpMessage() + "\n" + ReplWord.help)
        }
        if let word = ReplWord.all.first(where: { $0.name == first }), tree.subcommand(named: first) == nil {
            return print("\(word.usage): \(word.summary)")
        }
        await execute(["help"] + words)
    }

    /// Parses `words` (with the session's defaults) as the command line would, and runs the command here.
    /// Ctrl-C cancels it; errors are reported and the session goes on.
    private mutating func execute(_ words: [String]) async {
        if let first = words.first, !first.hasPrefix("-"), tree.subcommand(named: first) == nil {
            let names = tree.subcommands.filter { $0.isVisible && $0.name != "help" }.map(\.name)
            return fail("Unknown command \"\(first)\". Commands: \(names.joined(separator: ", ")); help says more, exit leaves.")
        }
        let defaults = SessionDefaults.session(options: options, step: step, json: json)
        let arguments = defaults.apply(to: words, tree: tree)
        let command: any ParsableCommand
        do { command = try RBank.parseAsRoot(arguments) } catch {
            report(error)
            return
        }
        let input = input
        do {
            try await SignalCancellation.run {
                try await LineInput.$current.withValue(input) { try await Self.run(command) }
            }
        } catch {
            report(error)
        }
    }

    private static func run(_ command: any ParsableCommand) async throws {
        var command = command
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    /// Prints what a command's error says, as the command line would; a request for help is not a failure.
    private mutating func report(_ error: any Error) {
        if error is CancellationError { return fail("Cancelled.") }
        let message = RBank.fullMessage(for: error)
        if RBank.exitCode(for: error) == .success {
            if !message.isEmpty { print(message) }
            return
        }
        fail(message)
    }

    private mutating func fail(_ message: String) {
        failed = true
        fflush(nil)
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    }

    private var banner: String {
        var lines = ["rbank repl · bank \(WorkbenchHost.shortPath(configuration.memoryBankPath))"]
        if configuration.usesOfflineModel { lines.append(OfflineLabel.banner) }
        lines.append("Type help for the commands, Tab to complete. Ctrl-C interrupts, Ctrl-D leaves.")
        return lines.joined(separator: "\n")
    }
}
