import Foundation

/// A function-call style action such as `fill('5', 'blue shirt')` or `answer("42")`.
public struct ActionCall: Sendable, Hashable {
    public var name: String
    public var arguments: [String]

    public init(name: String, arguments: [String]) {
        self.name = name
        self.arguments = arguments
    }
}

/// Parses BrowserGym-style actions: a name, then parenthesised arguments that are quoted strings
/// (single or double quotes, backslash escapes) or bare numbers.
public enum ActionCallParser {
    /// Total. Environments turn a failure into an error observation for the agent.
    public static func parse(_ text: String) -> Result<ActionCall, ParseFailure> {
        let source = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !source.isEmpty else { return .failure(.empty) }
        var index = 0
        var name = ""
        while index < source.count, source[index].isLetter || source[index].isNumber || source[index] == "_" {
            name.append(source[index])
            index += 1
        }
        guard !name.isEmpty else { return .failure(.missing("action name")) }
        while index < source.count, source[index].isWhitespace { index += 1 }
        guard index < source.count, source[index] == "(" else { return .failure(.missing("( after \(name)")) }
        index += 1
        var arguments: [String] = []
        while true {
            while index < source.count, source[index].isWhitespace { index += 1 }
            guard index < source.count else { return .failure(.unterminated("(")) }
            if source[index] == ")" { index += 1; break }
            if !arguments.isEmpty {
                guard source[index] == "," else { return .failure(.missing(", between arguments")) }
                index += 1
                while index < source.count, source[index].isWhitespace { index += 1 }
                guard index < source.count else { return .failure(.unterminated("(")) }
            }
            let quote = source[index]
            if quote == "'" || quote == "\"" {
                index += 1
                var value = ""
                var closed = false
                while index < source.count {
                    let character = source[index]
                    if character == "\\", index + 1 < source.count {
                        value.append(source[index + 1])
                        index += 2
                        continue
                    }
                    if character == quote { closed = true; index += 1; break }
                    value.append(character)
                    index += 1
                }
                guard closed else { return .failure(.unterminated("string argument")) }
                arguments.append(value)
            } else {
                var value = ""
                while index < source.count, source[index] != ",", source[index] != ")" {
                    value.append(source[index])
                    index += 1
                }
                let bare = value.trimmingCharacters(in: .whitespaces)
                guard !bare.isEmpty, bare.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
                    return .failure(.invalidValue(field: "argument", value: bare))
                }
                arguments.append(bare)
            }
        }
        let trailing = source[index...].filter { !$0.isWhitespace }
        guard trailing.isEmpty else { return .failure(.invalidValue(field: "text after )", value: String(trailing))) }
        return .success(ActionCall(name: name, arguments: arguments))
    }
}
