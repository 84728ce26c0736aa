import Foundation
import ReasoningBank

/// Reads labelled values out of rendered prompts. Total: a missing label gives nil, never a crash.
enum PromptText {
    /// The text after the first (or last) line-start occurrence of any of `labels`, up to the first
    /// line-start occurrence of any of `stops` after it; trimmed, with leading `**` removed.
    /// Labels match case-insensitively; a label "starts a line" when only spaces, `*`, `#` or `>`
    /// precede it on its line.
    static func value(
        after labels: [String], in text: String, until stops: [String] = [], last: Bool = false
    ) -> String? {
        var best: Range<String.Index>?
        for label in labels {
            guard let range = find(label, in: text, last: last) else { continue }
            if let current = best {
                if last ? range.lowerBound > current.lowerBound : range.lowerBound < current.lowerBound { best = range }
            } else {
                best = range
            }
        }
        guard let start = best else { return nil }
        var end = text.endIndex
        for stop in stops {
            if let range = find(stop, in: text, from: start.upperBound), range.lowerBound < end { end = range.lowerBound }
        }
        return clean(text[start.upperBound..<end])
    }

    /// Trims whitespace and markdown emphasis left over around a label's value.
    static func clean(_ text: Substring) -> String {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while value.hasPrefix("*") { value.removeFirst() }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first (or last) line-start occurrence of `label` at or after `from`.
    static func find(_ label: String, in text: String, from: String.Index? = nil, last: Bool = false) -> Range<String.Index>? {
        TextScanning.find(label, in: text, from: from, last: last)
    }

    /// Every text between `open` and the next `close` (case-insensitive), in order. An unclosed
    /// last `open` yields the rest of the text.
    static func blocks(_ open: String, _ close: String, in text: String) -> [String] {
        var results: [String] = []
        var searchRange = text.startIndex..<text.endIndex
        while let start = text.range(of: open, options: .caseInsensitive, range: searchRange) {
            let rest = start.upperBound..<text.endIndex
            if let end = text.range(of: close, options: .caseInsensitive, range: rest) {
                results.append(text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines))
                searchRange = end.upperBound..<text.endIndex
            } else {
                results.append(text[rest].trimmingCharacters(in: .whitespacesAndNewlines))
                break
            }
        }
        return results
    }

    /// The first line of `text`, trimmed.
    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// `text` as one line: newlines become spaces, runs of spaces collapse.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` written as a quoted action argument: `'…'` with `\` and `'` escaped.
    static func quotedArgument(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "'" { escaped.append("\\") }
            if character.isNewline { escaped.append(" "); continue }
            escaped.append(character)
        }
        return "'" + escaped + "'"
    }
}
