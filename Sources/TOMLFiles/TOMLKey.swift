import Foundation

/// Dotted TOML keys.
public enum TOMLKey {
    /// The components of a dotted TOML key (`a."b.c".d` → `a`, `b.c`, `d`), quotes removed.
    public static func components(_ key: some StringProtocol) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in key {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                current.append(character)
            } else if character == "." {
                pieces.append(current)
                current = ""
            } else {
                if character == "\"" || character == "'" { quote = character }
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map(unquote)
    }

    /// One key component without its surrounding whitespace and quotes (`"a\"b"` → `a"b`).
    private static func unquote(_ piece: String) -> String {
        let trimmed = piece.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first else {
            return trimmed
        }
        let inner = trimmed.dropFirst().dropLast()
        guard first == "\"" else { return String(inner) }
        var result = ""
        var escaped = false
        for character in inner {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
