import ArgumentParser
import Foundation
import TerminalUI

/// `rbank tui` (and `rbank` with no command in a terminal): the ncurses workbench.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the workbench: run tasks and watch them, step through the gates, curate the bank, browse runs.",
        discussion: "Keys: 1 Run, 2 Bank, 3 Runs, 4 Compare (p parallel, s sequential, m memory vs none), r run a task, s step mode, / search, : command palette (run, matts, bank, config), ? help, q quit.")

    @Option(name: .customLong("env"), help: "The environment: shop or qa.")
    var environmentName = "shop"

    @Option(help: "A theme in THEMES_DIR: dark, light, high-contrast or monochrome (default: THEME).")
    var theme: String?

    @Flag(help: "Start in step mode: every gate waits for you.")
    var step = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("The workbench needs a terminal (stdin and stdout are not both a TTY). Use rbank run, bank or bench instead.")
        }
        let configuration = try global.configuration()
        _ = try? LoggingBootstrap.install(configuration: configuration)
        let chosenTheme: Theme
        do {
            chosenTheme = try Theme.named(theme ?? configuration.themeName, in: configuration.themesDirectory)
        } catch {
            throw CLIError(String(describing: error))
        }
        let workbench = try Workbench.open(configuration)
        defer { try? workbench.bank.close() }
        let seed: UInt64
        do { seed = try configuration.offlineSeed } catch { throw CLIError(error.description) }
        let environment = try await workbench.environment(named: environmentName, seed: seed)
        let notice = configuration.usesOfflineModel ? OfflineLabel.workbenchNotice : nil
        try await WorkbenchSession.present(
            workbench: workbench, environment: environment, theme: chosenTheme, stepMode: step,
            pricesFile: configuration.pricesFile, notice: notice)
    }
}
