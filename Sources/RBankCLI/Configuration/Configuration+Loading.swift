import Foundation

extension Configuration {
    /// The default name of the TOML file, looked for in the working directory.
    public static let defaultTOMLFileName = "reasoningbank.toml"
    /// The name of the dotenv file, looked for in the working directory.
    public static let dotEnvFileName = ".env"

    /// Loads the configuration from explicit inputs.
    ///
    /// - Parameters:
    ///   - flags: values given on the command line, keyed by variable name (e.g. `["LLM_PROVIDER": "openai"]`).
    ///   - environment: the process environment (only the variables in ``ConfigurationVariable/all`` are read,
    ///     plus `HOME` for `~/` in paths and `XDG_DATA_HOME` for the user data directory).
    ///   - workingDirectory: where `.env` and `reasoningbank.toml` are looked for and relative paths resolve.
    /// - Throws: ``ConfigurationError`` for an unknown flag name, a malformed `.env` line or TOML file,
    ///   an unreadable file, or an `RBANK_CONFIG` that names a missing file. Values are validated later,
    ///   by the typed accessors.
    public static func load(
        flags: [String: String], environment: [String: String], workingDirectory: URL
    ) throws(ConfigurationError) -> Configuration {
        let workingDirectory = workingDirectory.standardizedFileURL
        var layers: [String: [ConfiguredValue]] = [:]
        func add(_ value: ConfiguredValue) {
            guard !value.raw.isEmpty else { return }
            layers[value.name, default: []].append(value)
        }

        for (name, raw) in flags.sorted(by: { $0.key < $1.key }) {
            let upper = name.uppercased()
            guard ConfigurationVariable.named(upper) != nil else { throw .unknownVariable(name: name, source: .flag) }
            add(ConfiguredValue(name: upper, raw: raw, source: .flag))
        }
        for variable in ConfigurationVariable.all {
            if let raw = environment[variable.name] {
                add(ConfiguredValue(name: variable.name, raw: raw, source: .environment))
            }
        }

        let dotEnvURL = workingDirectory.appending(path: dotEnvFileName)
        var dotEnvFile: URL?
        if let text = try readTextIfPresent(dotEnvURL) {
            dotEnvFile = dotEnvURL
            var latest: [String: DotEnvParser.Entry] = [:]
            for entry in try DotEnvParser.parse(text, path: dotEnvURL.path) { latest[entry.key] = entry }
            for variable in ConfigurationVariable.all {
                if let entry = latest[variable.name] {
                    add(ConfiguredValue(
                        name: variable.name, raw: entry.value, source: .dotEnv(path: dotEnvURL.path, line: entry.line)))
                }
            }
        }

        let partial = Configuration(
            workingDirectory: workingDirectory, dotEnvFile: dotEnvFile, tomlFile: nil, warnings: [],
            layers: layers, homeDirectory: environment["HOME"])
        var warnings: [String] = []
        var tomlFile: URL?
        let configPath = partial.value("RBANK_CONFIG")
        let tomlURL = partial.resolvePath(configPath?.raw ?? defaultTOMLFileName)
        let text = try readTextIfPresent(tomlURL)
        if text == nil, let configPath, configPath.source.isExplicit {
            throw .missingConfigFile(path: tomlURL.path, source: configPath.source)
        }
        if let text {
            tomlFile = tomlURL
            let result = try TOMLConfigurationReader.read(text, path: tomlURL.path, redactor: partial.redactor)
            result.values.forEach(add)
            warnings += result.warnings
        }

        return Configuration(
            workingDirectory: workingDirectory, dotEnvFile: dotEnvFile, tomlFile: tomlFile, warnings: warnings,
            layers: layers, homeDirectory: environment["HOME"], dataHome: environment["XDG_DATA_HOME"])
    }

    /// Loads the configuration of this process: its environment and current directory.
    public static func loadForCurrentProcess(flags: [String: String] = [:]) throws(ConfigurationError) -> Configuration {
        try load(
            flags: flags, environment: ProcessInfo.processInfo.environment,
            workingDirectory: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory))
    }

    /// The file's text, `nil` when there is no such file; an error when it cannot be read or is not UTF-8.
    private static func readTextIfPresent(_ url: URL) throws(ConfigurationError) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw .unreadableFile(path: url.path, reason: "it is a folder, not a file") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: "check that it exists and that you may read it")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadableFile(path: url.path, reason: "it is not UTF-8 text; save it as UTF-8")
        }
        return text
    }
}
