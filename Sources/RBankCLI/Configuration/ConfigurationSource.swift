import Foundation

/// Where an effective configuration value came from, highest precedence first:
/// flag, process environment, `.env` file, `reasoningbank.toml`, default.
public enum ConfigurationSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag.
    case flag
    /// The process environment.
    case environment
    /// A `KEY=value` line of a `.env` file (absolute path, 1-based line number).
    case dotEnv(path: String, line: Int)
    /// A key of a TOML configuration file (absolute path, dotted key as written).
    case toml(path: String, key: String)
    /// The built-in default.
    case defaultValue
    /// A default computed from other settings; the text says from what.
    case derived(String)

    /// How the source reads in messages and in `rbank config`.
    public var description: String {
        switch self {
        case .flag: "flag"
        case .environment: "environment"
        case .dotEnv(let path, let line): ".env \(path):\(line)"
        case .toml(let path, let key): "toml \(path) (\(key))"
        case .defaultValue: "default"
        case .derived(let reason): "default (\(reason))"
        }
    }

    /// Whether the value was given by the user rather than defaulted.
    public var isExplicit: Bool {
        switch self {
        case .flag, .environment, .dotEnv, .toml: true
        case .defaultValue, .derived: false
        }
    }
}
