import Foundation
import TOMLKit
import TOMLFiles

/// Reads `reasoningbank.toml` into raw variable values.
///
/// A leaf key sets a variable when its dotted path (tables and key, lower case) is one of the
/// variable's ``ConfigurationVariable/tomlAliases``, or when the path joined with `_` and upper-cased
/// is the variable's name: `llm_provider`, `[llm] provider` and `llm.provider` all set `LLM_PROVIDER`.
/// Strings, integers, floats and booleans are accepted; unknown keys become warnings, not errors,
/// so that other parts of `rbank` may keep their own tables in the same file.
enum TOMLConfigurationReader {
    struct Result {
        var values: [ConfiguredValue] = []
        var warnings: [String] = []
    }

    /// Parses `text`, read from `path`. `redactor` scrubs parser messages, which may quote the file.
    static func read(_ text: String, path: String, redactor: SecretRedactor) throws(ConfigurationError) -> Result {
        let table: TOMLTable
        do { table = try TOMLDocument.parse(text) } catch {
            throw .malformedTOML(path: path, line: error.line, column: error.column, reason: redactor.redact(error.reason))
        }
        var leaves: [(path: [String], value: any TOMLValueConvertible)] = []
        collect(table, prefix: [], into: &leaves)

        var result = Result()
        var keysByVariable: [String: [String]] = [:]
        for (components, value) in leaves {
            let dotted = components.joined(separator: ".")
            guard let variable = variable(for: components) else {
                result.warnings.append(unknownKeyWarning(dotted, path: path))
                continue
            }
            guard variable.allowedInTOML else {
                result.warnings.append("toml \(path) (\(dotted)): \(variable.name) cannot be set in the file it names; ignored.")
                continue
            }
            keysByVariable[variable.name, default: []].append(dotted)
            let raw: String
            switch value.type {
            case .string: raw = value.string ?? ""
            case .int: raw = String(value.int ?? 0)
            case .double: raw = String(value.double ?? 0)
            case .bool: raw = (value.bool ?? false) ? "true" : "false"
            default:
                throw .unsupportedTOMLValue(path: path, key: dotted, variable: variable.name, type: value.type.description)
            }
            result.values.append(ConfiguredValue(name: variable.name, raw: raw, source: .toml(path: path, key: dotted)))
        }
        for (name, keys) in keysByVariable.sorted(by: { $0.key < $1.key }) where keys.count > 1 {
            throw .conflictingTOMLKeys(path: path, variable: name, keys: keys)
        }
        if result.values.contains(where: { ConfigurationVariable.named($0.name)?.isSecret == true && !$0.raw.isEmpty }) {
            result.warnings.append(
                "toml \(path) holds an API key; keep the file out of version control (or move the key to .env).")
        }
        return result
    }

    /// The variable a dotted key path sets, if any.
    static func variable(for components: [String]) -> ConfigurationVariable? {
        let dotted = components.joined(separator: ".").lowercased()
        if let match = ConfigurationVariable.all.first(where: { $0.tomlAliases.contains(dotted) }) {
            return match
        }
        return ConfigurationVariable.named(components.joined(separator: "_").uppercased())
    }

    private static func collect(
        _ table: TOMLTable, prefix: [String], into leaves: inout [(path: [String], value: any TOMLValueConvertible)]
    ) {
        for (key, value) in table {
            if value.type == .table, let child = value.table {
                collect(child, prefix: prefix + [key], into: &leaves)
            } else {
                leaves.append((prefix + [key], value))
            }
        }
    }

    private static func unknownKeyWarning(_ dotted: String, path: String) -> String {
        let known = ConfigurationVariable.all.flatMap { $0.tomlKeys + oneTableForms(of: $0) }
        let lower = dotted.lowercased()
        let suggestion = known.map { ($0, editDistance(lower, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
        let hint = suggestion.map { " (did you mean `\($0)`?)" } ?? ""
        return "toml \(path): unknown key `\(dotted)` ignored\(hint)."
    }

    /// `llm.provider` for `LLM_PROVIDER`: the name split into one table and a key at each `_`.
    private static func oneTableForms(of variable: ConfigurationVariable) -> [String] {
        guard variable.allowedInTOML else { return [] }
        let parts = variable.tomlKey.split(separator: "_")
        return (1..<parts.count).map { cut in
            parts[..<cut].joined(separator: "_") + "." + parts[cut...].joined(separator: "_")
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
