import Foundation

/// Why the configuration cannot be used. Every message names the variable or file, the source, and
/// what to do; none contains a secret (secret values are never echoed, and other values are passed
/// through the ``SecretRedactor`` before they are put into an error).
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A value that the variable does not accept. `value` is `nil` for secrets.
    case invalidValue(variable: String, value: String?, source: ConfigurationSource, expected: String)
    /// A name that is not a configuration variable (from flags, or a TOML key that maps nowhere fatal).
    case unknownVariable(name: String, source: ConfigurationSource)
    /// A `.env` line that is not `KEY=value`.
    case malformedDotEnv(path: String, line: Int, reason: String)
    /// A TOML file that does not parse.
    case malformedTOML(path: String, line: Int?, column: Int?, reason: String)
    /// A TOML value of a type no variable accepts (array, table, date).
    case unsupportedTOMLValue(path: String, key: String, variable: String, type: String)
    /// Two TOML keys that set the same variable.
    case conflictingTOMLKeys(path: String, variable: String, keys: [String])
    /// A configuration file that exists but cannot be read (or is not UTF-8).
    case unreadableFile(path: String, reason: String)
    /// `RBANK_CONFIG` names a file that does not exist.
    case missingConfigFile(path: String, source: ConfigurationSource)
    /// The provider needs a key and none of its key variables is set.
    case missingAPIKey(provider: String, providerSource: ConfigurationSource, variables: [String])
    /// A setting the chosen provider needs is not set.
    case missingSetting(variable: String, reason: String)

    /// The variable the error is about, when there is one.
    public var variable: String? {
        switch self {
        case .invalidValue(let variable, _, _, _), .unsupportedTOMLValue(_, _, let variable, _),
            .conflictingTOMLKeys(_, let variable, _), .missingSetting(let variable, _):
            variable
        case .unknownVariable(let name, _): name
        case .missingAPIKey(_, _, let variables): variables.first
        case .missingConfigFile: "RBANK_CONFIG"
        case .malformedDotEnv, .malformedTOML, .unreadableFile: nil
        }
    }

    /// A message that says what is wrong, where it came from, and what is accepted.
    public var description: String {
        switch self {
        case .invalidValue(let variable, let value, let source, let expected):
            if let value {
                return "\(variable)=\"\(value)\" (from \(source)) is not valid: expected \(expected)."
            }
            return "\(variable) (from \(source)) is not valid: expected \(expected). The value is secret and not shown."
        case .unknownVariable(let name, let source):
            return "\(name) (from \(source)) is not a configuration variable. Run `rbank config` to list them."
        case .malformedDotEnv(let path, let line, let reason):
            return "\(path):\(line): \(reason). Lines must look like KEY=value (optionally `export KEY=value`, "
                + "quoted with '…' or \"…\"), or start with # for a comment."
        case .malformedTOML(let path, let line, let column, let reason):
            let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(path)\(place): not valid TOML: \(reason)"
        case .unsupportedTOMLValue(let path, let key, let variable, let type):
            return "toml \(path) (\(key)): \(variable) must be a string, number or boolean, not \(type)."
        case .conflictingTOMLKeys(let path, let variable, let keys):
            let list = keys.map { "`\($0)`" }.joined(separator: " and ")
            return "toml \(path): \(list) both set \(variable); keep one."
        case .unreadableFile(let path, let reason):
            return "\(path) could not be read: \(reason)"
        case .missingConfigFile(let path, let source):
            return "RBANK_CONFIG (from \(source)) names \(path), which does not exist. "
                + "Create it, or unset RBANK_CONFIG to use ./reasoningbank.toml."
        case .missingAPIKey(let provider, let providerSource, let variables):
            let names = variables.joined(separator: " or ")
            return "LLM_PROVIDER is \(provider) (from \(providerSource)) but \(names) is not set. "
                + "Set \(variables.first ?? names) in the environment, in .env or in reasoningbank.toml, "
                + "or use LLM_PROVIDER=offline for the built-in simulation."
        case .missingSetting(let variable, let reason):
            return "\(variable) is not set: \(reason)"
        }
    }
}
