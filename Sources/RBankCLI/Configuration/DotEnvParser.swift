import Foundation

/// Parses `.env` files: `KEY=value` lines, `#` comments, blank lines, an optional `export ` prefix,
/// and values that are bare (an inline ` # comment` is dropped, surrounding blanks trimmed),
/// single-quoted (taken literally) or double-quoted (with `\n`, `\t`, `\"`, `\\` escapes).
/// Values are literal otherwise: `$VAR` is not expanded. A later line for the same key wins.
///
/// Error messages name the file and the line but never quote the line, which may hold a key.
public enum DotEnvParser {
    /// One assignment.
    public struct Entry: Sendable, Hashable {
        /// The variable name.
        public var key: String
        /// The value, unquoted and unescaped.
        public var value: String
        /// The 1-based line it is on.
        public var line: Int

        /// Creates an entry.
        public init(key: String, value: String, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// Parses the text of a `.env` file; `path` is used in error messages.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> [Entry] {
        var entries: [Entry] = []
        // "\r\n" is one Character in Swift, so split on both forms.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            line = line.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                entries.append(try parseAssignment(line, number: number))
            } catch let reason {
                throw .malformedDotEnv(path: path, line: number, reason: reason.text)
            }
        }
        return entries
    }

    private struct Reason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    private static func parseAssignment(_ line: Substring, number: Int) throws(Reason) -> Entry {
        var rest = line
        if rest.hasPrefix("export"), let next = rest.dropFirst("export".count).first, next == " " || next == "\t" {
            rest = rest.dropFirst("export".count).trimmingBlanks()
        }
        guard let equals = rest.firstIndex(of: "=") else {
            throw Reason("expected KEY=value but found no `=`")
        }
        let key = rest[..<equals].trimmingBlanks()
        guard isValidKey(key) else {
            throw Reason(key.isEmpty ? "missing variable name before `=`" : "invalid variable name before `=`")
        }
        let value = try parseValue(rest[rest.index(after: equals)...], key: key)
        return Entry(key: String(key), value: value, line: number)
    }

    private static func isValidKey(_ key: Substring) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || $0.isASCIILetter || $0.isASCIIDigit }
    }

    private static func parseValue(_ untrimmed: Substring, key: Substring) throws(Reason) -> String {
        let text = untrimmed.trimmingBlanks()
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            return String(stripInlineComment(untrimmed).trimmingBlanks())
        }
        var value = ""
        var index = text.index(after: text.startIndex)
        var closed = false
        while index < text.endIndex {
            let character = text[index]
            if character == quote {
                closed = true
                index = text.index(after: index)
                break
            }
            if quote == "\"", character == "\\" {
                let next = text.index(after: index)
                guard next < text.endIndex else { break }
                switch text[next] {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "$": value.append("$")
                default:
                    value.append("\\")
                    value.append(text[next])
                }
                index = text.index(after: next)
                continue
            }
            value.append(character)
            index = text.index(after: index)
        }
        guard closed else {
            let kind = quote == "\"" ? "double" : "single"
            throw Reason("the value of \(key) has an unterminated \(kind) quote (values cannot span lines)")
        }
        let trailing = text[index...].trimmingBlanks()
        guard trailing.isEmpty || trailing.hasPrefix("#") else {
            throw Reason("unexpected text after the closing quote of \(key)")
        }
        return value
    }

    /// Drops ` # comment` from a bare value: a `#` starts a comment only after a blank
    /// (`KEY=a#b` keeps `a#b`, `KEY=a # b` is `a`).
    private static func stripInlineComment(_ text: Substring) -> Substring {
        var previous: Character = "="
        for index in text.indices {
            let character = text[index]
            if character == "#", previous == " " || previous == "\t" {
                return text[..<index].trimmingBlanks()
            }
            previous = character
        }
        return text
    }
}

private extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
