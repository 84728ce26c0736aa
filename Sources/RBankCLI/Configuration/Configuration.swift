import Foundation

/// The effective settings of `rbank`, each value with its source.
///
/// Layers, highest precedence first: command-line flags, the process environment, the `.env` file
/// in the working directory, `reasoningbank.toml` in the working directory (or the file named by
/// `RBANK_CONFIG`), and the defaults in ``ConfigurationVariable/all``. An empty value in a layer
/// counts as not set there. Raw values are validated when read through the typed accessors
/// (see `Configuration+Accessors.swift`), so one bad value does not hide the others from `rbank config`.
public struct Configuration: Sendable {
    /// The folder relative paths are resolved against.
    public let workingDirectory: URL
    /// The `.env` file that was read, if there was one.
    public let dotEnvFile: URL?
    /// The TOML file that was read, if there was one.
    public let tomlFile: URL?
    /// Things worth telling the user that do not stop the tool (unknown TOML keys, keys in TOML).
    public let warnings: [String]
    /// Every explicit value per variable, highest precedence first.
    let layers: [String: [ConfiguredValue]]
    /// `HOME`, for `~/` in paths.
    let homeDirectory: String?
    /// Where `rbank` keeps a user's own files, such as the REPL's history: `$XDG_DATA_HOME/rbank`, else
    /// `~/.local/share/rbank` (the XDG base directory rules), else `./data` when there is no home folder.
    public let userDataDirectory: URL

    init(
        workingDirectory: URL, dotEnvFile: URL?, tomlFile: URL?, warnings: [String],
        layers: [String: [ConfiguredValue]], homeDirectory: String?, dataHome: String? = nil
    ) {
        self.workingDirectory = workingDirectory
        self.dotEnvFile = dotEnvFile
        self.tomlFile = tomlFile
        self.warnings = warnings
        self.layers = layers
        self.homeDirectory = homeDirectory
        if let dataHome, dataHome.hasPrefix("/") {
            userDataDirectory = URL(filePath: dataHome).appending(path: "rbank").standardizedFileURL
        } else if let homeDirectory, !homeDirectory.isEmpty {
            userDataDirectory = URL(filePath: homeDirectory).appending(path: ".local/share/rbank").standardizedFileURL
        } else {
            userDataDirectory = workingDirectory.appending(path: "data").standardizedFileURL
        }
    }

    /// The effective value of `name`: the highest explicit layer, else the table's default
    /// (`nil` when the variable is unset and has no static default).
    public func value(_ name: String) -> ConfiguredValue? {
        if let explicit = layers[name]?.first { return explicit }
        guard let defaultValue = ConfigurationVariable.named(name)?.defaultValue else { return nil }
        return ConfiguredValue(name: name, raw: defaultValue, source: .defaultValue)
    }

    /// Whether `name` is set in any layer other than the defaults.
    public func isSet(_ name: String) -> Bool { layers[name]?.isEmpty == false }

    /// Every value given for `name`, highest precedence first (the first one wins).
    public func values(_ name: String) -> [ConfiguredValue] { layers[name] ?? [] }

    /// Every secret value given in any layer, for the ``SecretRedactor``.
    public var secretValues: [String] {
        ConfigurationVariable.secrets.flatMap { values($0.name).map(\.raw) }
    }

    /// A redactor for this configuration's secrets (and common key shapes).
    public var redactor: SecretRedactor { SecretRedactor(secrets: secretValues) }

    /// Resolves a path: absolute stays, `~/…` is under `HOME`, anything else is under the working directory.
    public func resolvePath(_ raw: String) -> URL {
        if raw.hasPrefix("/") { return URL(filePath: raw).standardizedFileURL }
        if raw == "~" || raw.hasPrefix("~/"), let homeDirectory {
            return URL(filePath: homeDirectory + raw.dropFirst()).standardizedFileURL
        }
        return workingDirectory.appending(path: raw).standardizedFileURL
    }

    func definition(_ name: String) -> ConfigurationVariable {
        guard let variable = ConfigurationVariable.named(name) else {
            preconditionFailure("\(name) is not in ConfigurationVariable.all")
        }
        return variable
    }
}
