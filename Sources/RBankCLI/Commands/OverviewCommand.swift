import ArgumentParser
import BankStore
import Foundation

/// `rbank` with no command: what is configured, what the bank holds, and what to try.
struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview", abstract: "Show the model, the bank and the commands to try (the default).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
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
