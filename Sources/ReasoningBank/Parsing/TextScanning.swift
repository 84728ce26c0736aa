import Foundation

/// Label and tag scanning shared by the parsers and the offline model. All total.
public enum TextScanning {
    /// The text between the first `open` and the next `close` (case-insensitive), trimmed; nil if absent.
    /// An unclosed `open` yields the rest of the text.
    public static func between(_ text: String, open: String, close: String) -> String? {
        guard let start = text.range(of: open, options: .caseInsensitive) else { return nil }
        let rest = text[start.upperBound...]
        if let end = rest.range(of: close, options: .caseInsensitive) {
            return rest[..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return rest.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The range of the last `label` that starts a line (ignoring leading spaces, `*`, `#`, `-`, `>`), case-insensitive.
    static func lastLabel(_ label: String, in text: String) -> Range<String.Index>? {
        find(label, in: text, last: true)
    }

    /// The first (or last) line-start occurrence of `label` at or after `from`, case-insensitive.
    public static func find(_ label: String, in text: String, from: String.Index? = nil, last: Bool = false)
        -> Range<String.Index>?
    {
        var found: Range<String.Index>?
        var searchRange = (from ?? text.startIndex)..<text.endIndex
        while let range = text.range(of: label, options: .caseInsensitive, range: searchRange) {
            if startsLine(range.lowerBound, in: text) {
                found = range
                if !last { return found }
            }
            searchRange = range.upperBound..<text.endIndex
        }
        return found
    }

    /// Whether only spaces, tabs, `*`, `#`, `-` or `>` stand between the previous newline and `index`.
    public static func startsLine(_ index: String.Index, in text: String) -> Bool {
        var cursor = index
        while cursor > text.startIndex {
            let previous = text.index(before: cursor)
            let character = text[previous]
            if character.isNewline { return true }
            if character == " " || character == "\t" || character == "*" || character == "#" || character == "-"
                || character == ">"
            {
                cursor = previous
                continue
            }
            return false
        }
        return true
    }

    /// Strips surrounding quotes, asterisks and spaces.
    static func unquoted(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'`*.“”"))
    }
}
