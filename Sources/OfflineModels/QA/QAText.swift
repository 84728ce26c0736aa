import Foundation

/// Small text helpers for reading QA questions and writing answers. All total.
public enum QAText {
    /// The texts between matching quotes (`'…'`, `"…"`, `‘…’`, `“…”`), in order. A quote opens only
    /// after a non-letter and closes only before a non-letter, so apostrophes inside words are kept.
    public static func quotedStrings(in text: String) -> [String] {
        let characters = Array(text)
        let closers: [Character: Set<Character>] = [
            "'": ["'", "’"], "\"": ["\"", "”"], "‘": ["’", "'"], "“": ["”", "\""],
        ]
        var results: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard let closing = closers[character], index == 0 || !isWordCharacter(characters[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            var found: Int?
            while end < characters.count {
                if closing.contains(characters[end]), end + 1 == characters.count || !isWordCharacter(characters[end + 1]) {
                    found = end
                    break
                }
                end += 1
            }
            guard let close = found else {
                index += 1
                continue
            }
            results.append(String(characters[(index + 1)..<close]))
            index = close + 1
        }
        return results
    }

    /// The decimal numbers in `text`, as written (`2.5`, `80`), in order.
    public static func numbers(in text: String) -> [String] {
        let characters = Array(text)
        var results: [String] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            var number = ""
            while index < characters.count {
                let character = characters[index]
                if character.isASCII && character.isNumber {
                    number.append(character)
                } else if character == ".", !number.contains("."), index + 1 < characters.count,
                    characters[index + 1].isASCII, characters[index + 1].isNumber
                {
                    number.append(character)
                } else {
                    break
                }
                index += 1
            }
            results.append(number)
        }
        return results
    }

    /// Lower-cased runs of letters and digits.
    public static func words(in text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// A number as an answer: integers without a point, otherwise at most two decimals.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "undefined" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let integer = Int(rounded)
            return String(integer == 0 ? 0 : integer)
        }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `[3, 8, 9]` as "3, 8 and 9".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return "none"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// `count` and the noun, pluralised with an `s` unless the count is 1.
    public static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
