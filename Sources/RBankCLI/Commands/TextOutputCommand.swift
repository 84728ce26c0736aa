import ArgumentParser

/// A command whose whole result is text: the CLI prints it, the workbench's `:` palette shows it.
protocol TextOutputCommand: ParsableCommand {
    func output() throws -> String
}

extension TextOutputCommand {
    func run() throws { print(try output()) }
}

/// A command that changes the bank, so the workbench reloads what it shows after running it.
protocol BankChangingCommand {}
