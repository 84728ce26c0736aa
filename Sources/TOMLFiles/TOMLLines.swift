import Foundation

/// The lines of a TOML document, for finding the line a key path is defined on (TOMLKit gives
/// positions only for syntax errors). Best effort: nil when the key cannot be found.
public struct TOMLLines: Sendable {
    /// The full key path each line defines (a table header or `key = value`), with its 1-based number.
    private let definitions: [(line: Int, keyPath: [String])]

    public init(_ text: String) {
        var definitions: [(line: Int, keyPath: [String])] = []
        var table: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }
                guard let close = Self.unquotedIndex(of: "]", in: inner) else { continue }
                table = TOMLKey.components(inner[..<close])
                definitions.append((index + 1, table))
            } else if let equals = Self.unquotedIndex(of: "=", in: line[...]), !line.hasPrefix("#") {
                definitions.append((index + 1, table + TOMLKey.components(line[..<equals])))
            }
        }
        self.definitions = definitions
    }

    /// The first line that defines `keyPath` or something inside it; failing that, the line of its
    /// nearest enclosing key (a key inside an inline table is found on the line of that table).
    public func line(of keyPath: [String]) -> Int? {
        var target = keyPath
        while !target.isEmpty {
            if let found = definitions.first(where: { $0.keyPath.starts(with: target) }) { return found.line }
            target.removeLast()
        }
        return nil
    }

    /// The first `character` outside quotes in `text`.
    private static func unquotedIndex(of character: Character, in text: Substring) -> Substring.Index? {
        var quote: Character?
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let current = text[index]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && current == "\\" {
                    escaped = true
                } else if current == open {
                    quote = nil
                }
            } else if current == "\"" || current == "'" {
                quote = current
            } else if current == character {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}
