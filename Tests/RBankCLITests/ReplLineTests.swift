import ArgumentParser
import Foundation
import LineREPL
import Testing

@testable import RBankCLI

@Suite("The REPL's command language: lines, session defaults and the command tree")
struct ReplLineTests {
    @Test("a line is a command for the argument parser unless it is one of the REPL's own words")
    func interpreting() throws {
        #expect(try ReplLine.interpret("   ") == .nothing)
        #expect(try ReplLine.interpret("# a comment in a script") == .nothing)
        #expect(try ReplLine.interpret("exit") == .exit)
        #expect(try ReplLine.interpret("rbank quit") == .exit)
        #expect(try ReplLine.interpret("help") == .help([]))
        #expect(try ReplLine.interpret("help bank show") == .help(["bank", "show"]))
        #expect(try ReplLine.interpret("step on") == .step(true))
        #expect(try ReplLine.interpret("json off") == .json(false))
        #expect(try ReplLine.interpret("step") == .step(nil))
        #expect(try ReplLine.interpret(#"rbank run "How many r's?" --env qa"#) == .command(["run", "How many r's?", "--env", "qa"]))
    }

    @Test("misused words and unclosed quotes are errors that say what to type")
    func errors() {
        #expect(throws: CLIError.self) { try ReplLine.interpret("step maybe") }
        #expect(throws: CLIError.self) { try ReplLine.interpret("exit now") }
        #expect(throws: CLIError.self) { try ReplLine.interpret("repl") }
        #expect(throws: CLIError.self) { try ReplLine.interpret(#"run "open"#) }
    }

    @Test("the command tree comes from the commands as declared: subcommands, options, fixed values, defaults")
    func commandTree() throws {
        let tree = CommandTree.rbank
        let names = Set(tree.subcommands.map(\.name))
        #expect(names.isSuperset(of: ["run", "bench", "bank", "config", "repl", "tui", "help"]))
        let run = try #require(tree.subcommand(named: "run"))
        #expect(run.option(named: "--task")?.takesValue == true)
        #expect(run.option(named: "--env")?.defaultValue == "qa")
        #expect(run.option(named: "--step")?.takesValue == false)
        #expect(run.accepts("--bank") && run.accepts("--jsonl"))
        #expect(run.positionals.map(\.valueName) == ["query"])
        let export = try #require(tree.resolve(["bank", "export"]).command.option(named: "--format"))
        #expect(export.values == ["seed-json", "official-jsonl"])
        #expect(tree.resolve(["bank", "show"]).command.positionals.map(\.valueName) == ["id"])
        #expect(tree.resolve(["bank", "merge"]).command.positionals.first?.isRepeating == true)
    }

    @Test("session defaults go to commands that take them, unless the line gives its own")
    func sessionDefaults() {
        let tree = CommandTree.rbank
        let defaults = SessionDefaults.session(options: [["--bank", "s.sqlite"], ["--env", "shop"], ["--no-leakage-guard"]], step: true, json: true)
        #expect(defaults.apply(to: ["run", "--task", "shop-001"], tree: tree)
            == ["run", "--task", "shop-001", "--bank", "s.sqlite", "--env", "shop", "--no-leakage-guard", "--step", "--jsonl"])
        #expect(defaults.apply(to: ["bank", "list"], tree: tree) == ["bank", "list", "--bank", "s.sqlite", "--no-leakage-guard", "--json"])
        #expect(defaults.apply(to: ["run", "--all", "--bank=b.sqlite", "--json"], tree: tree)
            == ["run", "--all", "--bank=b.sqlite", "--json", "--env", "shop", "--no-leakage-guard", "--step"])
        #expect(defaults.apply(to: ["bench", "--csv"], tree: tree) == ["bench", "--csv", "--bank", "s.sqlite", "--env", "shop", "--no-leakage-guard"])
        #expect(defaults.apply(to: ["help", "run"], tree: tree) == ["help", "run"])
        #expect(defaults.apply(to: ["bnak", "list"], tree: tree) == ["bnak", "list"])
        #expect(defaults.apply(to: ["run", "--", "--odd query"], tree: tree) == ["run", "--", "--odd query"])
        #expect(SessionDefaults().apply(to: ["bank", "list"], tree: tree) == ["bank", "list"])
    }

    @Test("the global options given come back as the same arguments, every one of them")
    func globalOptionsRoundTrip() throws {
        let all = [
            "--bank", "b.sqlite", "--prompts", "p", "--tasks", "t", "--provider", "openai", "--model", "m", "--seed", "7",
            "--memory-mode", "awm", "--top-k", "2", "--retrieval-key", "item-text", "--similarity-floor", "0.2",
            "--no-leakage-guard", "--max-steps", "9",
        ]
        let options = try GlobalOptions.parse(all)
        #expect(try GlobalOptions.parse(options.arguments.flatMap { $0 }).flags == options.flags)
        // Every option GlobalOptions declares is written back (a new one must be added to `arguments`).
        let declared = try #require(CommandTree.rbank.subcommand(named: "config")).options
            .filter { !["--json", "--markdown", "--help"].contains($0.preferredName) }.count
        #expect(options.arguments.count == declared)
        #expect(try GlobalOptions.parse([]).arguments.isEmpty)
    }

    @Test("completion values: task ids of the line's environment (else the session's), memory ids, choices")
    func completionValues() {
        var values = ReplCompletions(taskIDs: ["qa": ["qa-001"], "shop": ["shop-001"]], memoryIDs: ["m-1", "m-2"])
        let completer = values.completer(tree: CommandTree.rbank)
        #expect(completer.complete("run --task q").insertion == "a-001 ")
        #expect(completer.complete("run --env shop --task ").insertion == "shop-001 ")
        #expect(completer.complete("run --env=shop --task ").insertion == "shop-001 ")
        #expect(completer.complete("bank show m-").candidates == ["m-1", "m-2"])
        #expect(completer.complete("bank merge m-1 m-").candidates == ["m-1", "m-2"])
        #expect(completer.complete("run --provider anth").insertion == "ropic ")
        #expect(completer.complete("run --memory-mode s").insertion == "ynapse ")
        #expect(completer.complete("bench --env ").candidates == ["qa", "shop"])
        #expect(completer.complete("st").insertion == "ep ")
        values.sessionEnvironment = "shop"
        #expect(values.completer(tree: CommandTree.rbank).complete("run --task ").insertion == "shop-001 ")
    }
}
