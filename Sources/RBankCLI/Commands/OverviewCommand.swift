import ArgumentParser
import BankStore
import Foundation
import LineREPL

/// `rbank` with no command: in a terminal, the workbench; otherwise (piped, scripted) what is configured,
/// what the bank holds, and what to try.
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show the model, the bank and the commands to try (the default when not in a terminal; "
            + "in a terminal, rbank alone opens the workbench).")

    @OptionGroup var global: GlobalOptions

    /// Set when `overview` was named (in the REPL it always is): print the overview even in a terminal.
    private var named: Bool { CommandLine.arguments.dropFirst().first == "overview" || LineInput.current != nil }

    func run() async throws {
        if !named, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            var workbench = try TUICommand.parse([])
            workbench.global = global
            return try await workbench.run()
        }
        try printOverview()
    }

    private func printOverview() throws {
        let configuration = try global.configuration()
        print("rbank — ReasoningBank for the terminal")
        print("")
        if configuration.usesOfflineModel { print(OfflineLabel.banner) }
        let bank = try Workbench.openBank(configuration)
        defer { try? bank.close() }
        do {
            print(ItemFormatter.stats(try bank.stats(), path: bank.path ?? "(in memory)"))
        } catch { throw CLIError(String(describing: error)) }
        print("""

            Try:
              rbank run --env qa --task qa-001          one task, step by step
              rbank run --env qa --all --passes 2       the QA suite twice: watch memory help the second pass
              rbank run --env shop --task shop-007      a web-shop task (simulated store), step by step
              rbank bench --env shop                    no memory vs ReasoningBank vs Synapse vs AWM, with a learning curve
              rbank bank list                           the memories distilled so far
              rbank bank show <id>                      one item with its provenance
              rbank config                              every setting and where it came from
              rbank help <command>                      everything else
            """)
    }
}
