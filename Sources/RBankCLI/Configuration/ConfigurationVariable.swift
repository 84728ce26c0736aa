import Foundation

/// The definition of one configuration variable: its name, what it accepts, its default, and the
/// TOML keys that set it. ``ConfigurationVariable/all`` is the one table that drives loading,
/// validation, `rbank config` and the documentation.
///
/// ## TOML keys
///
/// In `reasoningbank.toml` a variable is set by its name in lower case (`llm_provider = "openai"`)
/// or grouped into tables: the table path and key joined with `_` name the variable
/// (`[llm] provider = "openai"` → `LLM_PROVIDER`, `[log] level` → `LOG_LEVEL`). A few variables have
/// extra, more natural keys listed in ``tomlAliases`` (`[retrieval] top_k` → `TOP_K_RETRIEVAL`).
public struct ConfigurationVariable: Sendable, Hashable, Identifiable {
    /// What kind of value a variable accepts.
    public enum Kind: Sendable, Hashable {
        /// Any text.
        case text
        /// An API key: never shown, logged or echoed in errors.
        case secret
        /// One of a fixed set of words, case-insensitive.
        case choice([String])
        /// A file or folder path, resolved against the working directory (`~/` is the home folder).
        case path
        /// An `http` or `https` URL.
        case url
        /// A whole number of at least `minimum`.
        case integer(minimum: Int)
        /// A whole number from 0 to 2⁶⁴−1.
        case seed
        /// A finite number within a range.
        case number(ClosedRange<Double>)
        /// A finite number within a range, or `none` for unset.
        case optionalNumber(ClosedRange<Double>)
        /// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`).
        case boolean
    }

    /// The variable's name, e.g. `AGENT_TEMPERATURE`.
    public let name: String
    /// What it accepts.
    public let kind: Kind
    /// The default as raw text; `nil` when unset by default or computed (see ``defaultDescription``).
    public let defaultValue: String?
    /// How a computed default is chosen, for variables whose default depends on others.
    public let defaultDescription: String?
    /// The group the variable is listed under in documentation.
    public let group: String
    /// One line on what the variable does.
    public let summary: String
    /// Extra dotted TOML keys (lower case) that set this variable, besides the generated ones.
    public let tomlAliases: [String]
    /// Whether the variable may be set in `reasoningbank.toml` (false for the file's own location).
    public let allowedInTOML: Bool

    /// Creates a definition.
    public init(
        _ name: String, _ kind: Kind, default defaultValue: String? = nil, computedDefault: String? = nil,
        group: String, summary: String, tomlAliases: [String] = [], allowedInTOML: Bool = true
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.defaultDescription = computedDefault
        self.group = group
        self.summary = summary
        self.tomlAliases = tomlAliases
        self.allowedInTOML = allowedInTOML
    }

    /// The variable's name.
    public var id: String { name }

    /// Whether the variable holds a secret.
    public var isSecret: Bool { kind == .secret }

    /// The canonical flat TOML key: the name in lower case.
    public var tomlKey: String { name.lowercased() }

    /// Every dotted TOML key documented for this variable: the flat key, then the aliases.
    public var tomlKeys: [String] { allowedInTOML ? [tomlKey] + tomlAliases : [] }

    /// The accepted values, in words, as errors and documentation show them.
    public var allowedValues: String {
        switch kind {
        case .text: "any text"
        case .secret: "an API key"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .path: "a file or folder path (relative paths are resolved against the working directory)"
        case .url: "an http or https URL, e.g. http://localhost:11434/v1"
        case .integer(let minimum): "a whole number of at least \(minimum)"
        case .seed: "a whole number from 0 to \(UInt64.max)"
        case .number(let range): "a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
        case .optionalNumber(let range):
            "a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), or none"
        case .boolean: "true or false (also 1/0, yes/no, on/off)"
        }
    }

    /// The default as documentation shows it.
    public var defaultForDisplay: String {
        if let defaultValue { return defaultValue }
        if let defaultDescription { return defaultDescription }
        return "unset"
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
