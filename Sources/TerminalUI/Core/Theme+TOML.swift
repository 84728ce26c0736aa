// Theme files: `themes/<name>.toml` (the format is documented in `themes/README.md`).
//
//     name = "dark"
//
//     [text]
//     fg = "default"
//
//     [selection]
//     reverse = true
//
//     [success]
//     fg = "#5fd787"
//     bold = true
//
// - `name` (optional; the file's name without `.toml` when absent) is a string.
// - Every other top-level key is a table named by a `ThemeRole` raw value (`text`, `muted`, `title`,
//   `border_focused`, …). A role the file leaves out is drawn plain.
// - A role's keys: `fg` and `bg` (colours) and `bold`, `dim`, `italic`, `underline`, `reverse`
//   (booleans, false when absent).
// - A colour is `"default"` (the terminal's own), a name (`black red green yellow blue magenta cyan
//   white`, or `bright-` and a name), `"#rrggbb"`, or an integer 0–255 (the xterm palette).
//
// Anything else is an error that names the file, the line and the key, and says what is allowed.

import Foundation
import TOMLFiles
import TOMLKit

extension Theme {
    /// The keys of a role's table.
    static let styleKeys = ["fg", "bg", "bold", "dim", "italic", "underline", "reverse"]
    /// The colour names, in palette order (index 0–7; `bright-` adds 8).
    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    /// What a colour may be, for error messages.
    static let allowedColors =
        "\"default\", a name (black, red, green, yellow, blue, magenta, cyan, white, or bright- and a name), \"#rrggbb\", or a number 0–255"

    /// Reads the theme file at `url`.
    public static func load(contentsOf url: URL) throws(ThemeError) -> Theme {
        let (path, text): (String, String)
        switch TextFile.read(url) {
        case .success(let file): (path, text) = file
        case .failure(let unreadable): throw .unreadable(path: unreadable.path, reason: unreadable.reason)
        }
        return try parse(text, path: path, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// The theme `themes/<name>.toml` in `folder`; an unknown name is an error that lists the themes
    /// there are.
    public static func named(_ name: String, in folder: URL) throws(ThemeError) -> Theme {
        let available = availableNames(in: folder)
        guard !name.isEmpty, !name.contains("/"), available.contains(name) else {
            throw .unknownTheme(name: name, folder: folder.path, available: available)
        }
        return try load(contentsOf: folder.appendingPathComponent("\(name).toml"))
    }

    /// The names of the themes in `folder` (its `.toml` files without the extension), sorted.
    public static func availableNames(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.filter { !$0.isEmpty }.sorted()
    }

    /// Parses the text of a theme file; `path` names it in errors, `defaultName` is the theme's name
    /// when the file has no `name`.
    public static func parse(_ text: String, path: String, defaultName: String) throws(ThemeError) -> Theme {
        let document: TOMLTable
        do { document = try TOMLDocument.parse(text) } catch {
            throw .malformedTOML(path: path, line: error.line ?? 1, column: error.column ?? 1, reason: error.reason)
        }
        let lines = TOMLLines(text)
        var name = defaultName
        var styles: [ThemeRole: Style] = [:]
        let roleNames = ThemeRole.allCases.map(\.rawValue)
        for key in document.keys.sorted() {
            guard let value = document[key] else { continue }
            if key == "name" {
                guard let string = value.string else {
                    throw .wrongType(path: path, line: lines.line(of: [key]), key: key, expected: "a string", found: typeName(value.type))
                }
                name = string
                continue
            }
            guard let role = ThemeRole(rawValue: key) else {
                throw .unknownKey(path: path, line: lines.line(of: [key]), key: key, allowed: ["name"] + roleNames)
            }
            guard value.type == .table, let table = value.table else {
                throw .wrongType(
                    path: path, line: lines.line(of: [key]), key: key, expected: "a table such as [\(key)]",
                    found: typeName(value.type))
            }
            styles[role] = try style(table, role: key, path: path, lines: lines)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ table: TOMLTable, role: String, path: String, lines: TOMLLines) throws(ThemeError) -> Style {
        var style = Style()
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let keyPath = [role, key]
            let dotted = keyPath.joined(separator: ".")
            switch key {
            case "fg", "bg":
                let color = try color(value, key: dotted, path: path, line: lines.line(of: keyPath))
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "dim", "italic", "underline", "reverse":
                guard let flag = value.bool else {
                    throw .wrongType(
                        path: path, line: lines.line(of: keyPath), key: dotted, expected: "true or false",
                        found: typeName(value.type))
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "italic": style.italic = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            default:
                throw .unknownKey(path: path, line: lines.line(of: keyPath), key: dotted, allowed: styleKeys)
            }
        }
        return style
    }

    private static func color(_ value: any TOMLValueConvertible, key: String, path: String, line: Int?) throws(ThemeError) -> Color {
        if value.type == .int, let number = value.int {
            guard (0...255).contains(number) else {
                throw .invalidColor(path: path, line: line, key: key, value: String(number), allowed: allowedColors)
            }
            return .indexed(UInt8(number))
        }
        guard let text = value.string else {
            throw .wrongType(path: path, line: line, key: key, expected: allowedColors, found: typeName(value.type))
        }
        guard let color = parseColor(text) else {
            throw .invalidColor(path: path, line: line, key: key, value: "\"\(text)\"", allowed: allowedColors)
        }
        return color
    }

    /// A colour written as text: `default`, a name, `bright-` and a name, or `#rrggbb`.
    static func parseColor(_ text: String) -> Color? {
        let lowered = text.lowercased()
        if lowered == "default" { return .default }
        if let index = colorNames.firstIndex(of: lowered) { return .indexed(UInt8(index)) }
        if lowered.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(lowered.dropFirst(7))) {
            return .indexed(UInt8(index + 8))
        }
        let digits = lowered.dropFirst()
        guard lowered.hasPrefix("#"), digits.count == 6, digits.allSatisfy(\.isHexDigit),
            let value = UInt32(digits, radix: 16)
        else { return nil }
        return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }

    /// A TOML type as an English noun.
    private static func typeName(_ type: TOMLType) -> String {
        switch type {
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .string: "a string"
        case .table: "a table"
        case .array: "an array"
        default: "a \(type.description)"
        }
    }
}

/// Why a theme could not be loaded. Each message names the file, the line (when it is known) and the key.
public enum ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is missing or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML (TOMLKit gives the line and column).
    case malformedTOML(path: String, line: Int, column: Int, reason: String)
    /// A key the format does not have: a role that does not exist, or a style key that does not.
    case unknownKey(path: String, line: Int?, key: String, allowed: [String])
    /// A value of the wrong kind (a string where a boolean belongs, a number as a role).
    case wrongType(path: String, line: Int?, key: String, expected: String, found: String)
    /// A colour that is not one of the allowed forms.
    case invalidColor(path: String, line: Int?, key: String, value: String, allowed: String)
    /// `Theme.named` was asked for a theme the folder does not have.
    case unknownTheme(name: String, folder: String, available: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the theme \(path): \(reason)"
        case .malformedTOML(let path, let line, let column, let reason):
            return "\(path):\(line):\(column): not valid TOML: \(reason)"
        case .unknownKey(let path, let line, let key, let allowed):
            return "\(Self.place(path, line)): unknown key \"\(key)\"; allowed keys are \(allowed.joined(separator: ", "))"
        case .wrongType(let path, let line, let key, let expected, let found):
            return "\(Self.place(path, line)): \"\(key)\" must be \(expected), not \(found)"
        case .invalidColor(let path, let line, let key, let value, let allowed):
            return "\(Self.place(path, line)): \"\(key)\" = \(value) is not a colour; use \(allowed)"
        case .unknownTheme(let name, let folder, let available):
            if available.isEmpty { return "there is no theme \"\(name)\": \(folder) has no themes (*.toml)" }
            return "there is no theme \"\(name)\" in \(folder); available themes: \(available.joined(separator: ", "))"
        }
    }

    private static func place(_ path: String, _ line: Int?) -> String {
        line.map { "\(path):\($0)" } ?? path
    }
}
