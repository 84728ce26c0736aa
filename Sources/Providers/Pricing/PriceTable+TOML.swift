// The price file: prices in USD per one million tokens, by provider and model id.
//
//     [anthropic.models]
//     "claude-sonnet-4-5" = { input = 3.00, output = 15.00, cache_read = 0.30, cache_write = 3.75 }
//     "claude-haiku-4-5"  = { input = 1.00, output = 5.00 }
//
//     [openai.models]
//     "gpt-4o" = { input = 2.50, output = 10.00, cache_read = 1.25 }
//
//     [openai-compatible.default]   # applies to every model of the provider without its own entry
//     input = 0.0
//     output = 0.0
//
// - Top-level tables are providers: `anthropic`, `openai`, `gemini`, `openai-compatible`, `ollama`.
// - A provider has `models` (model id → price) and/or `default` (a price for its other models).
// - A price has `input` and `output` (required) and `cache_read`, `cache_write` (optional; the
//   input price when absent). `input` applies to prompt tokens not read from or written to a cache;
//   `output` to every generated token, reasoning included. Integers and floats are accepted; no
//   price may be negative.
// - Quote model ids that contain a dot ("gemini-2.5-pro"): unquoted, TOML reads the dot as nesting.
// - A model id also prices its dated snapshots ("gpt-4o" prices "gpt-4o-2024-08-06"; see
//   `PriceTable.price(provider:model:)`).
//
// Anything else — an unknown provider or key, a string or a table where a number belongs — is an
// error that names the file, the line and the key, so a typo never silently drops a price.

import Foundation
import TOMLFiles
import ReasoningBank
import TOMLKit

extension PriceTable {
    /// The keys of one price.
    static let priceKeys = ["input", "output", "cache_read", "cache_write"]
    /// The keys of a provider's table.
    static let providerKeys = ["models", "default"]

    /// Reads the price file at `url`; throws when it is missing, unreadable or not a valid price table.
    public static func load(contentsOf url: URL) throws(PriceTableError) -> PriceTable {
        let (path, text): (String, String)
        switch TextFile.read(url) {
        case .success(let file): (path, text) = file
        case .failure(let unreadable): throw .unreadable(path: unreadable.path, reason: unreadable.reason)
        }
        return try parse(text, path: path, source: url)
    }

    /// `.empty` (with `source` nil) when the file does not exist; other problems throw.
    public static func loadIfPresent(contentsOf url: URL) throws(PriceTableError) -> PriceTable {
        if url.isFileURL, !FileManager.default.fileExists(atPath: url.path) { return .empty }
        return try load(contentsOf: url)
    }

    /// Parses the text of a price file. `path` names the file in error messages; `source` is kept as
    /// the table's ``source``.
    public static func parse(_ text: String, path: String, source: URL? = nil) throws(PriceTableError) -> PriceTable {
        let document: TOMLTable
        do { document = try TOMLDocument.parse(text) } catch {
            throw .malformedTOML(path: path, line: error.line ?? 1, column: error.column ?? 1, reason: error.reason)
        }
        let lines = TOMLLines(text)
        var models: [String: [String: ModelPrice]] = [:]
        var defaults: [String: ModelPrice] = [:]
        for provider in document.keys.sorted() {
            guard let value = document[provider] else { continue }
            guard knownProviders.contains(provider) else {
                throw .unknownProvider(path: path, line: lines.line(of: [provider]), provider: provider)
            }
            let providerTable = try table(
                value, at: [provider], expected: "a provider's table ([\(provider).models] or [\(provider).default])",
                path: path, lines: lines)
            for key in providerTable.keys.sorted() {
                guard let child = providerTable[key] else { continue }
                switch key {
                case "models":
                    let entries = try table(
                        child, at: [provider, key], expected: "a table of model prices", path: path, lines: lines)
                    var prices: [String: ModelPrice] = [:]
                    for model in entries.keys.sorted() {
                        guard let entry = entries[model] else { continue }
                        prices[model] = try price(entry, at: [provider, key, model], path: path, lines: lines)
                    }
                    models[provider, default: [:]].merge(prices) { _, new in new }
                case "default":
                    defaults[provider] = try price(child, at: [provider, key], path: path, lines: lines)
                default:
                    throw .unknownKey(
                        path: path, line: lines.line(of: [provider, key]), key: dotted([provider, key]),
                        expected: providerKeys)
                }
            }
        }
        return PriceTable(models: models, providerDefaults: defaults, source: source)
    }

    // MARK: Values

    private static func table(
        _ value: any TOMLValueConvertible, at keyPath: [String], expected: String, path: String, lines: TOMLLines
    ) throws(PriceTableError) -> TOMLTable {
        guard value.type == .table, let table = value.table else {
            throw .notATable(
                path: path, line: lines.line(of: keyPath), key: dotted(keyPath), type: typeName(value.type),
                expected: expected)
        }
        return table
    }

    private static func price(
        _ value: any TOMLValueConvertible, at keyPath: [String], path: String, lines: TOMLLines
    ) throws(PriceTableError) -> ModelPrice {
        let entry = try table(
            value, at: keyPath, expected: "a price such as { input = 3.0, output = 15.0 }", path: path, lines: lines)
        var numbers: [String: Double] = [:]
        for key in entry.keys.sorted() {
            guard let field = entry[key] else { continue }
            let fieldPath = keyPath + [key]
            if field.type == .table, !priceKeys.contains(key) {
                throw .nestedTable(path: path, line: lines.line(of: fieldPath), key: dotted(keyPath), child: key)
            }
            guard priceKeys.contains(key) else {
                throw .unknownKey(path: path, line: lines.line(of: fieldPath), key: dotted(fieldPath), expected: priceKeys)
            }
            let number: Double
            switch field.type {
            case .int: number = Double(field.int ?? 0)
            case .double: number = field.double ?? 0
            default:
                throw .notANumber(
                    path: path, line: lines.line(of: fieldPath), key: dotted(fieldPath), type: typeName(field.type))
            }
            guard number.isFinite else {
                throw .notFinite(path: path, line: lines.line(of: fieldPath), key: dotted(fieldPath), value: number)
            }
            guard number >= 0 else {
                throw .negativePrice(path: path, line: lines.line(of: fieldPath), key: dotted(fieldPath), value: number)
            }
            numbers[key] = number
        }
        for required in ["input", "output"] where numbers[required] == nil {
            throw .missingPrice(path: path, line: lines.line(of: keyPath), key: dotted(keyPath), field: required)
        }
        return ModelPrice(
            input: numbers["input"] ?? 0, output: numbers["output"] ?? 0, cacheRead: numbers["cache_read"],
            cacheWrite: numbers["cache_write"])
    }

    /// A TOML type as an English noun: `boolean`, `integer`, `floating-point number`, `date-time`.
    private static func typeName(_ type: TOMLType) -> String {
        switch type {
        case .bool: "boolean"
        case .int: "integer"
        case .double: "floating-point number"
        case .dateTime: "date-time"
        default: type.rawValue
        }
    }

    // MARK: Key paths

    /// `anthropic.models."claude-3.5-sonnet".input`: components joined by dots, quoted when not bare.
    static func dotted(_ components: [String]) -> String {
        components.map(formatKeyComponent).joined(separator: ".")
    }

    /// A key as TOML writes it: bare when it is only letters, digits, `-` and `_`, quoted otherwise.
    static func formatKeyComponent(_ component: String) -> String {
        let bare = !component.isEmpty
            && component.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        if bare { return component }
        return "\"" + component.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

}

