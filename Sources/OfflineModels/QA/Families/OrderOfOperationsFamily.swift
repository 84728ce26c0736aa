import Foundation
import ReasoningBank

/// "What is 3 + 4 * 2?"
/// Naive: evaluate strictly from left to right. Correct: multiplication and division first, then
/// addition and subtraction from left to right.
public struct OrderOfOperationsFamily: QAFamily {
    public init() {}

    public var id: String { "order-of-operations" }
    public var topic: String { "evaluating an arithmetic expression" }
    public var shortTopic: String { "arithmetic expressions" }
    public var keyPhrases: [String] { ["operator precedence", "multiplication first", "then add and subtract"] }
    public var naiveMethod: String { "work through the expression from left to right, one operation at a time" }
    public var correctMethod: String {
        "apply operator precedence: multiplication first, then add and subtract from left to right"
    }
    public var answerForm: String { "a number" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Apply operator precedence in arithmetic", "Do multiplication first, then add and subtract",
                "Respect precedence before evaluating",
            ],
            descriptions: [
                "Evaluate expressions with operator precedence: multiplication first, then add and subtract from left to right.",
                "Multiplication binds tighter than addition, so do multiplication first and then add and subtract.",
            ],
            contents: [
                "Use operator precedence: do multiplication first (and division), then add and subtract from left to right. Rewrite the expression after each product so nothing is skipped.",
                "Scan for products and do multiplication first, replacing each by its value; then add and subtract from left to right. This is ordinary operator precedence.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Reading order ignores precedence", "Do not evaluate mixed operations in reading order"],
            descriptions: [
                "Evaluating strictly in reading order gives wrong results when a product follows a sum.",
                "Instead of reading order, compute products before sums.",
            ],
            contents: [
                "Working from left to right ignored operator precedence and gave a wrong value. Instead, do multiplication first, then add and subtract from left to right.",
                "What to do instead: follow operator precedence, multiplication first, then add and subtract in reading order.",
            ])
    }

    enum Token: Equatable {
        case number(Double)
        case operation(Character)
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        guard let expression = Self.expression(in: question), let tokens = Self.tokens(expression) else { return nil }
        switch procedure {
        case .naive:
            guard let (value, steps) = Self.leftToRight(tokens) else { return nil }
            return QASolution(
                answer: QAText.format(value), working: "Working from left to right: \(steps.joined(separator: ", ")).")
        case .correct:
            guard let (value, steps) = Self.withPrecedence(tokens) else { return nil }
            let detail = steps.isEmpty ? "the value is \(QAText.format(value))" : steps.joined(separator: ", ")
            return QASolution(
                answer: QAText.format(value),
                working: "Multiplication and division first, then addition and subtraction from left to right: \(detail).")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool { AnswerMatcher.number(answer) != nil }

    /// The arithmetic after "what is" (or "compute", "calculate", "evaluate", "value of") up to "?".
    static func expression(in question: String) -> String? {
        let lower = question.lowercased()
        let starts = ["value of", "what is", "what's", "compute", "calculate", "evaluate"]
        guard let start = starts.compactMap({ lower.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return nil
        }
        var rest = lower[start.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "=" }) { rest = rest[..<end] }
        var text = rest.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        return text.isEmpty ? nil : text
    }

    static func tokens(_ expression: String) -> [Token]? {
        var tokens: [Token] = []
        var number = ""
        func flush() -> Bool {
            guard !number.isEmpty else { return true }
            guard let value = Double(number) else { return false }
            tokens.append(.number(value))
            number = ""
            return true
        }
        for character in expression {
            if (character.isASCII && character.isNumber) || (character == "." && !number.isEmpty) {
                number.append(character)
            } else if "+-*/×÷−x".contains(character) {
                guard flush() else { return nil }
                let symbol: Character =
                    switch character {
                    case "×", "x": "*"
                    case "÷": "/"
                    case "−": "-"
                    default: character
                    }
                tokens.append(.operation(symbol))
            } else if character.isWhitespace {
                guard flush() else { return nil }
            } else {
                return nil
            }
        }
        guard flush(), tokens.count >= 3, tokens.count % 2 == 1 else { return nil }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .number: guard index % 2 == 0 else { return nil }
            case .operation: guard index % 2 == 1 else { return nil }
            }
        }
        return tokens
    }

    static func apply(_ operation: Character, _ left: Double, _ right: Double) -> Double? {
        switch operation {
        case "+": left + right
        case "-": left - right
        case "*": left * right
        case "/": right == 0 ? nil : left / right
        default: nil
        }
    }

    static func leftToRight(_ tokens: [Token]) -> (Double, [String])? {
        guard case .number(var value) = tokens.first else { return nil }
        var steps: [String] = []
        var index = 1
        while index + 1 < tokens.count {
            guard case .operation(let operation) = tokens[index], case .number(let operand) = tokens[index + 1],
                let result = apply(operation, value, operand)
            else { return nil }
            steps.append("\(QAText.format(value)) \(operation) \(QAText.format(operand)) = \(QAText.format(result))")
            value = result
            index += 2
        }
        return (value, steps)
    }

    static func withPrecedence(_ tokens: [Token]) -> (Double, [String])? {
        var steps: [String] = []
        var folded: [Token] = []
        guard case .number = tokens.first else { return nil }
        folded.append(tokens[0])
        var index = 1
        while index + 1 < tokens.count {
            guard case .operation(let operation) = tokens[index], case .number(let operand) = tokens[index + 1] else {
                return nil
            }
            if operation == "*" || operation == "/" {
                guard case .number(let left) = folded.last, let result = apply(operation, left, operand) else {
                    return nil
                }
                steps.append("\(QAText.format(left)) \(operation) \(QAText.format(operand)) = \(QAText.format(result))")
                folded[folded.count - 1] = .number(result)
            } else {
                folded.append(tokens[index])
                folded.append(tokens[index + 1])
            }
            index += 2
        }
        guard let (value, sums) = leftToRight(folded) else {
            if folded.count == 1, case .number(let value) = folded[0] { return (value, steps) }
            return nil
        }
        return (value, steps + sums)
    }
}
