import ArgumentParser
import Foundation
import LineREPL

/// `rbank repl`: the line-mode twin of the workbench. Each line is a command of the same language as the
/// command line and the workbench's `:` palette, parsed by the same commands and run in this process.
struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "A command prompt over the same commands, with history, Tab completion, streamed runs and step mode.",
        discussion: """
            Each line is a command as rbank takes it (run --task qa-001, bank list, bench --limit 5), run in this \
            process; help lists them, and exit, quit or Ctrl-D leaves. Ctrl-C clears the line, or interrupts the \
            running command (a run is recorded as cancelled). The options given to repl (--bank, --provider, --env, \
            …) apply to every command that takes them, unless a line gives its own.

            With standard input from a pipe or a file the lines are a script: no prompt, no editing, no history. \
            Every line runs even after one fails, and the exit status is 1 if any command failed.

            The history is kept in REPL_HISTORY_FILE (default: repl_history in $XDG_DATA_HOME/rbank, else \
            ~/.local/share/rbank), at most REPL_HISTORY_SIZE lines, written after every line.
            """)

    @Option(name: .customLong("env"), help: "The environment for every command that takes --env (and for task-id completion): qa or shop.")
    var environmentName: String?

    @Flag(help: "Step mode for every run: stop at each gate and ask (step on|off switches it in the session).")
    var step = false

    @Flag(help: "JSON output: runs stream JSON lines, other commands print JSON (json on|off switches it).")
    var json = false

    @Flag(help: "With a script on standard input, print each line after a prompt before its output, as a log.")
    var echo = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let environmentName, !Workbench.environmentNames.contains(environmentName) {
            throw ValidationError("Unknown environment \"\(environmentName)\". Available: \(Workbench.environmentNames.joined(separator: ", ")).")
        }
    }

    func run() async throws {
        let configuration = try global.configuration()
        _ = try? LoggingBootstrap.install(configuration: configuration)
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let editor = terminal ? try lineEditor(configuration) : nil
        let input: any LineSource = editor ?? PlainLineSource(prompts: echo ? .echoed : .hidden)
        var session = ReplSession(
            configuration: configuration, input: input, editor: editor, options: global.arguments,
            environment: environmentName, step: step, json: json)
        let status = await session.run()
        if let problem = await editor?.historyProblem() {
            FileHandle.standardError.write(Data("warning: \(problem) (REPL_HISTORY_FILE).\n".utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The line editor with the history of earlier sessions (none is kept when REPL_HISTORY_SIZE is 0).
    private func lineEditor(_ configuration: Configuration) throws -> LineEditor {
        let size: Int
        do { size = try configuration.replHistorySize } catch { throw CLIError(error.description) }
        let history = LineHistory(capacity: max(size, 1))
        guard size > 0 else { return LineEditor(history: history, historyFile: nil) }
        let file = configuration.replHistoryFile.path
        history.load(from: file)
        return LineEditor(history: history, historyFile: file)
    }
}
