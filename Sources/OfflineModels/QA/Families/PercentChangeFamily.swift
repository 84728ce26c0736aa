import Foundation
import ReasoningBank

/// "The price of a lamp went up from 80 dollars to 100 dollars. By what percent did it increase?"
/// Naive: divide the difference by the larger of the two values (right for decreases, wrong for
/// increases). Correct: divide the change by the original value.
public struct PercentChangeFamily: QAFamily {
    public init() {}

    public var id: String { "percent-change" }
    public var topic: String { "computing a percent change between two values" }
    public var shortTopic: String { "percent changes" }
    public var keyPhrases: [String] { ["original value", "divide the change", "starting amount"] }
    public var naiveMethod: String { "divide the difference by the larger of the two numbers" }
    public var correctMethod: String {
        "divide the change by the original value (the starting amount) and multiply by one hundred"
    }
    public var answerForm: String { "a percentage" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Percent change is relative to the original value", "Divide the change by the starting amount",
                "Measure a percent change from where it started",
            ],
            descriptions: [
                "To get a percent change, divide the change by the original value and multiply by one hundred.",
                "A percent change is measured against the starting amount, whichever direction the value moved.",
            ],
            contents: [
                "Compute the difference, then divide the change by the original value (the starting amount) and multiply by one hundred. This holds for rises and falls alike.",
                "Always divide the change by the starting amount, the original value before the change, and express the result in percent; the new value is never the base.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: [
                "Use the starting amount as the base of a percent change",
                "Do not divide by the larger number for percent changes",
            ],
            descriptions: [
                "Dividing the difference by the larger number gives a wrong percentage when a value grows; use the starting amount.",
                "Instead of the larger number, the base of a percent change is the original value.",
            ],
            contents: [
                "The percentage was computed against the larger number, which is wrong for growth. Instead, divide the change by the original value, the starting amount, and multiply by one hundred.",
                "What to do instead: divide the change by the starting amount (the original value), whichever way it moved, then convert to percent.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("percent") || lower.contains("%"), let from = lower.range(of: "from ") else { return nil }
        let numbers = QAText.numbers(in: String(lower[from.upperBound...])).compactMap(Double.init)
        guard numbers.count >= 2, numbers[0] > 0, numbers[1] >= 0 else { return nil }
        let (old, new) = (numbers[0], numbers[1])
        let change = abs(new - old)
        let changeText = QAText.format(change)
        switch procedure {
        case .correct:
            let percent = QAText.format(change / old * 100)
            return QASolution(
                answer: percent,
                working: "The change is \(changeText); divided by the original value \(QAText.format(old)) that is \(percent)%.")
        case .naive:
            let base = max(old, new)
            let percent = QAText.format(change / base * 100)
            return QASolution(
                answer: percent,
                working: "The difference is \(changeText); as a share of \(QAText.format(base)) that is \(percent)%.")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        var text = answer.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        for suffix in [" percent", "percent"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return AnswerMatcher.numberWithUnit(text) != nil
    }
}
