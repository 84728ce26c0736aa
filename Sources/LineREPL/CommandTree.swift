/// A command and its subcommands, options and positional arguments, as completion and session defaults
/// need them. The REPL builds it from the argument parser's own description of its commands, so it never
/// drifts from what the commands accept.
public struct CommandTree: Sendable, Hashable {
    /// A named argument: an option that takes a value, or a flag.
    public struct Option: Sendable, Hashable {
        /// Every spelling, as typed: `--task`, `-h`.
        public var names: [String]
        /// Whether a value follows the name.
        public var takesValue: Bool
        /// The value's name in help (`task`, `env`, `id`); for flags, the flag's name.
        public var valueName: String
        /// The values it accepts, when they are a fixed set.
        public var values: [String]
        /// The value used when the option is not given.
        public var defaultValue: String?
        /// Whether it may be given more than once.
        public var isRepeating: Bool
        /// Whether help shows it.
        public var isVisible: Bool

        public init(
            names: [String], takesValue: Bool, valueName: String, values: [String] = [], defaultValue: String? = nil,
            isRepeating: Bool = false, isVisible: Bool = true
        ) {
            self.names = names
            self.takesValue = takesValue
            self.valueName = valueName
            self.values = values
            self.defaultValue = defaultValue
            self.isRepeating = isRepeating
            self.isVisible = isVisible
        }

        /// The long name when there is one (`--task`), else the first.
        public var preferredName: String { names.first { $0.hasPrefix("--") } ?? names.first ?? "" }
    }

    /// A positional argument.
    public struct Positional: Sendable, Hashable {
        public var valueName: String
        public var values: [String]
        public var isRepeating: Bool

        public init(valueName: String, values: [String] = [], isRepeating: Bool = false) {
            self.valueName = valueName
            self.values = values
            self.isRepeating = isRepeating
        }
    }

    public var name: String
    public var subcommands: [CommandTree]
    public var options: [Option]
    public var positionals: [Positional]
    /// Whether help lists it.
    public var isVisible: Bool

    public init(
        name: String, subcommands: [CommandTree] = [], options: [Option] = [], positionals: [Positional] = [],
        isVisible: Bool = true
    ) {
        self.name = name
        self.subcommands = subcommands
        self.options = options
        self.positionals = positionals
        self.isVisible = isVisible
    }

    /// The subcommand called `name`.
    public func subcommand(named name: String) -> CommandTree? { subcommands.first { $0.name == name } }

    /// The option spelled `name` (`--task`, `-h`; a `--name=value` word finds `--name`).
    public func option(named name: String) -> Option? {
        let bare = name.hasPrefix("--") ? String(name.prefix { $0 != "=" }) : name
        return options.first { $0.names.contains(bare) }
    }

    /// Whether the command takes the option spelled `name`.
    public func accepts(_ name: String) -> Bool { option(named: name) != nil }

    /// The command that `words` name (following subcommand names from this one), the names followed, and
    /// the words after them.
    public func resolve(_ words: [String]) -> (command: CommandTree, path: [String], rest: [String]) {
        var command = self
        var path: [String] = []
        var index = 0
        while index < words.count, let next = command.subcommand(named: words[index]) {
            command = next
            path.append(words[index])
            index += 1
        }
        return (command, path, Array(words[index...]))
    }
}
