import Foundation
import TOMLFiles

/// Why a price file could not be used. Every message names the file, the line when it is known,
/// the key at fault and what to do about it.
///
/// `key` is the dotted TOML path of the value at fault, with ids that need it quoted:
/// `anthropic.models."claude-3.5-sonnet".input`. `line` is 1-based; nil when it could not be found.
public enum PriceTableError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file could not be read (a folder, no permission, not UTF-8, not a local file).
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML; `line` and `column` come from the parser.
    case malformedTOML(path: String, line: Int, column: Int, reason: String)
    /// A top-level table that is not one of ``PriceTable/knownProviders``.
    case unknownProvider(path: String, line: Int?, provider: String)
    /// A key the format does not have, such as `inptu` in a price.
    case unknownKey(path: String, line: Int?, key: String, expected: [String])
    /// A value that should be a table (a provider, `models`, a model's price) is something else.
    case notATable(path: String, line: Int?, key: String, type: String, expected: String)
    /// A model entry that holds tables instead of prices: usually an unquoted id with a dot.
    case nestedTable(path: String, line: Int?, key: String, child: String)
    /// A price that is not a number.
    case notANumber(path: String, line: Int?, key: String, type: String)
    /// A price that is infinite or NaN.
    case notFinite(path: String, line: Int?, key: String, value: Double)
    /// A price below zero.
    case negativePrice(path: String, line: Int?, key: String, value: Double)
    /// A model entry or default without `input` or `output`.
    case missingPrice(path: String, line: Int?, key: String, field: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .malformedTOML(let path, _, _, _), .unknownProvider(let path, _, _),
            .unknownKey(let path, _, _, _), .notATable(let path, _, _, _, _), .nestedTable(let path, _, _, _),
            .notANumber(let path, _, _, _), .notFinite(let path, _, _, _), .negativePrice(let path, _, _, _),
            .missingPrice(let path, _, _, _):
            path
        }
    }

    /// The 1-based line at fault, when known.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case .malformedTOML(_, let line, _, _): line
        case .unknownProvider(_, let line, _), .unknownKey(_, let line, _, _), .notATable(_, let line, _, _, _),
            .nestedTable(_, let line, _, _), .notANumber(_, let line, _, _), .notFinite(_, let line, _, _),
            .negativePrice(_, let line, _, _), .missingPrice(_, let line, _, _):
            line
        }
    }

    /// The message for a person: file, line, key, problem and what to do.
    public var description: String {
        let location = "price file \(path)" + (line.map { " line \($0)" } ?? "")
        switch self {
        case .unreadable(_, let reason):
            return "Cannot read the price file \(path): \(reason). Point PRICES_FILE at a readable TOML file, or remove it to run without prices."
        case .malformedTOML(_, let line, let column, let reason):
            return "price file \(path) line \(line), column \(column): not valid TOML: \(reason). Fix the syntax there; a price reads \"model-id\" = { input = 3.0, output = 15.0 }."
        case .unknownProvider(_, _, let provider):
            return "\(location): unknown provider `\(PriceTableError.quoted(provider))`; expected "
                + PriceTable.knownProviders.joined(separator: ", ") + ". Rename that table or remove it."
        case .unknownKey(_, _, let key, let expected):
            let last = PriceTableError.lastComponent(of: key)
            return "\(location): unknown key `\(last)` at \(key); expected " + expected.joined(separator: ", ")
                + ". Correct its spelling or remove it."
        case .notATable(_, _, let key, let type, let expected):
            return "\(location): \(key) is \(PriceTableError.article(type)) where \(expected) was expected."
        case .nestedTable(_, _, let key, let child):
            return "\(location): \(key) holds the table `\(child)` where a model's price was expected; "
                + "a model id with a dot must be quoted, as in \(PriceTableError.joinedID(key, child)) = { input = …, output = … }."
        case .notANumber(_, _, let key, let type):
            return "\(location): \(key) is \(PriceTableError.article(type)), not a number; write the USD price per million tokens as a number, e.g. 3.0."
        case .notFinite(_, _, let key, let value):
            return "\(location): \(key) is \(value), not a price; write the USD price per million tokens as a finite number."
        case .negativePrice(_, _, let key, let value):
            return "\(location): \(key) is \(value); a price cannot be negative. Write 0 for a free model."
        case .missingPrice(_, _, let key, let field):
            return "\(location): \(key) has no `\(field)` price; add \(field) = <USD per million tokens> (0 for a free model)."
        }
    }

    /// The same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// `"a string"`, `"an integer"`: the TOML type as an English noun phrase.
    private static func article(_ type: String) -> String {
        guard let first = type.first else { return type }
        return ("aeiou".contains(first) ? "an " : "a ") + type
    }

    /// The last component of a dotted key path as written (quoted when it needs to be).
    private static func lastComponent(of key: String) -> String {
        TOMLKey.components(key).last.map(PriceTable.formatKeyComponent) ?? key
    }

    /// The quoted model id an unquoted dotted key was meant to be: `claude-3` and `5-sonnet` → `"claude-3.5-sonnet"`.
    private static func joinedID(_ key: String, _ child: String) -> String {
        PriceTable.formatKeyComponent((TOMLKey.components(key).last ?? key) + "." + child)
    }

    private static func quoted(_ name: String) -> String { PriceTable.formatKeyComponent(name) }
}
