import ArgumentParser

/// The `rbank` command: ReasoningBank for the terminal.
public struct RBank: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rbank",
        abstract: "ReasoningBank for the terminal: agent memory you can step through, inspect and curate.",
        subcommands: [OverviewCommand.self, RunCommand.self, BenchCommand.self, BankCommand.self, ConfigCommand.self],
        defaultSubcommand: OverviewCommand.self)

    public init() {}
}
