import ArgumentParser
import Foundation
import LineREPL

/// The command tree read from the argument parser's own description of the commands (the JSON behind
/// `--experimental-dump-help`), so completion and session defaults follow every command as declared —
/// including commands added later — with no list kept by hand.
extension CommandTree {
    /// The tree of `rbank`'s commands.
    static let rbank: CommandTree = (try? described(by: RBank._dumpHelp())) ?? CommandTree(name: "rbank")

    /// The tree in a `--experimental-dump-help` JSON document.
    static func described(by json: String) throws -> CommandTree {
        try JSONDecoder().decode(Document.self, from: Data(json.utf8)).command.tree
    }

    private struct Document: Decodable {
        var command: Command
    }

    private struct Command: Decodable {
        var commandName: String
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?

        var tree: CommandTree {
            let arguments = arguments ?? []
            return CommandTree(
                name: commandName, subcommands: (subcommands ?? []).map(\.tree),
                options: arguments.compactMap(\.option), positionals: arguments.compactMap(\.positional),
                isVisible: shouldDisplay ?? true)
        }
    }

    private struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String

            var typed: String {
                switch kind {
                case "short", "longWithSingleDash": "-" + name
                default: "--" + name
                }
            }
        }

        var kind: String
        var names: [Name]?
        var valueName: String?
        var allValues: [String]?
        var defaultValue: String?
        var isRepeating: Bool?
        var shouldDisplay: Bool?

        var option: CommandTree.Option? {
            guard kind == "option" || kind == "flag", let names, !names.isEmpty else { return nil }
            return CommandTree.Option(
                names: names.map(\.typed), takesValue: kind == "option", valueName: valueName ?? names[0].name,
                values: allValues ?? [], defaultValue: defaultValue, isRepeating: isRepeating ?? false,
                isVisible: shouldDisplay ?? true)
        }

        var positional: CommandTree.Positional? {
            guard kind == "positional" else { return nil }
            return CommandTree.Positional(valueName: valueName ?? "", values: allValues ?? [], isRepeating: isRepeating ?? false)
        }
    }
}
