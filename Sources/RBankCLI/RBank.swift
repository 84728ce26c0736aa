import ArgumentParser

/// The `rbank` command: ReasoningBank for the terminal.
public struct RBank: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rbank",
        abstract: "ReasoningBank for the terminal: agent memory you can step through, inspect and curate.",
        subcommands: [
            OverviewCommand.self, TUICommand.self, ReplCommand.self, RunCommand.self, MaTTSCommand.self, BenchCommand.self,
            BankCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: OverviewCommand.self)

    public init() {}

    /// Parses the process's arguments and runs the chosen command, synchronous or asynchronous;
    /// errors are printed and turned into the exit code.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
