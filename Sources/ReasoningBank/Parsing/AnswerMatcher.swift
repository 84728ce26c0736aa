import Foundation

/// A normalised answer match, shared by environments' evaluators and the offline judge.
///
/// Normalisation follows the usual QA convention (SQuAD-style): case-folded, trimmed, punctuation
/// removed (a decimal point or a thousands comma between digits is kept as a number), the articles
/// *a*, *an*, *the* removed, whitespace collapsed. Two answers that both read as numbers are compared
/// numerically, so `18`, `18.0` and `+18` match; a trailing `%` is ignored for this. Number words
/// (`eighteen`) are not converted.
public enum AnswerMatcher {
    /// Whether `given` matches `expected` or any of `aliases`.
    public static func matches(_ given: String, expected: String, aliases: [String] = []) -> Bool {
        ([expected] + aliases).contains { equivalent(given, $0) }
    }

    /// Whether two answers are the same after normalisation (numerically, when both are numbers).
    /// With `allowingUnits`, a number followed by a word or two (`150 minutes`) reads as the number.
    public static func equivalent(_ lhs: String, _ rhs: String, allowingUnits: Bool = false) -> Bool {
        let read = allowingUnits ? numberWithUnit : number
        if let left = read(lhs), let right = read(rhs) {
            return abs(left - right) <= 1e-9 * max(1, abs(left), abs(right))
        }
        let left = normalize(lhs)
        return !left.isEmpty && left == normalize(rhs)
    }

    /// The answer as a number, if it is one: optional sign, digits with an optional decimal point
    /// and thousands commas, an optional trailing `%`, surrounding quotes and a final full stop ignored.
    public static func number(_ text: String) -> Double? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`“”‘’"))
        if value.hasSuffix(".") { value.removeLast() }
        if value.hasSuffix("%") { value.removeLast() }
        value = value.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("+") { value.removeFirst() }
        guard !value.isEmpty else { return nil }
        var digits = ""
        var sawDigit = false
        var sawPoint = false
        for (offset, character) in value.enumerated() {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
            case "-" where offset == 0:
                digits.append(character)
            case "." where !sawPoint:
                digits.append(character)
                sawPoint = true
            case "," where sawDigit && !sawPoint:
                continue
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        return Double(digits)
    }

    /// The normalised text used for comparison.
    public static func normalize(_ text: String) -> String {
        let characters = Array(text.lowercased())
        var kept = ""
        for (index, character) in characters.enumerated() {
            if character.isLetter || character.isNumber {
                kept.append(character)
            } else if character.isWhitespace {
                kept.append(" ")
            } else if character == "." || character == "," {
                let before = index > 0 && characters[index - 1].isNumber
                let after = index + 1 < characters.count && characters[index + 1].isNumber
                if before && after && character == "." { kept.append(character) }
            } else if character == "-", index + 1 < characters.count, characters[index + 1].isNumber,
                index == 0 || characters[index - 1].isWhitespace
            {
                kept.append(character)
            }
            // Any other punctuation or symbol is dropped.
        }
        let articles: Set<Substring> = ["a", "an", "the"]
        return kept.split(whereSeparator: \.isWhitespace).filter { !articles.contains($0) }.joined(separator: " ")
    }

    /// The answer as a number, allowing a unit after it (`150 minutes`, `25 percent`, `3 times`):
    /// a number followed by at most two words of letters.
    public static func numberWithUnit(_ text: String) -> Double? {
        if let value = number(text) { return value }
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: \.isWhitespace)
        guard parts.count >= 2, parts.count <= 3, let value = number(String(parts[0])) else { return nil }
        let unit = parts.dropFirst().joined().trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
        return !unit.isEmpty && unit.allSatisfy(\.isLetter) ? value : nil
    }
}
