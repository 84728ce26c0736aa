/// A word the REPL understands itself, besides the commands: the one table behind the REPL's part of
/// `help`, its completion and `ReplLine`.
struct ReplWord: Sendable {
    let name: String
    /// The words it takes (completion offers them).
    let arguments: [String]
    let usage: String
    let summary: String

    static let all: [ReplWord] = [
        ReplWord(name: "help", arguments: [], usage: "help [COMMAND…]", summary: "the commands, or one command's help"),
        ReplWord(
            name: "step", arguments: ["on", "off"], usage: "step on|off",
            summary: "step mode for every run: stop at each gate and ask (run --step does it for one run)"),
        ReplWord(
            name: "json", arguments: ["on", "off"], usage: "json on|off",
            summary: "JSON output: runs stream JSON lines, other commands print JSON"),
        ReplWord(name: "exit", arguments: [], usage: "exit, quit, Ctrl-D", summary: "leave the REPL"),
        ReplWord(name: "quit", arguments: [], usage: "quit", summary: "leave the REPL"),
    ]

    /// Each word with the words it takes, for completion.
    static var completions: [String: [String]] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.arguments) })
    }

    /// The REPL's part of `help`: its words and keys.
    static var help: String {
        let shown = all.filter { $0.name != "quit" }
        let width = shown.map(\.usage.count).max() ?? 0
        let lines = shown.map { "  " + $0.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary }
        return (["IN THE REPL:"] + lines + [
            "  Tab completes commands, options, task ids, memory ids and environments; ↑ ↓ and Ctrl-R search the history.",
            "  Ctrl-C clears the line, or interrupts the running command (a run is recorded as cancelled).",
        ]).joined(separator: "\n")
    }
}
