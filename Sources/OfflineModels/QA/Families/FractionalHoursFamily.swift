import Foundation
import ReasoningBank

/// "How many minutes are in 2.5 hours?"
/// Naive: the digits after the point are read as minutes (2.5 h as 2 h 50 min).
/// Correct: the decimal part is a fraction of an hour; multiply the whole number of hours by sixty.
public struct FractionalHoursFamily: QAFamily {
    public init() {}

    public var id: String { "fractional-hours" }
    public var topic: String { "converting a decimal number of hours into minutes" }
    public var shortTopic: String { "hour-to-minute conversions" }
    public var keyPhrases: [String] { ["fraction of an hour", "multiply by sixty", "not minutes"] }
    public var naiveMethod: String { "read the digits after the decimal point as minutes, like a clock time" }
    public var correctMethod: String {
        "treat the decimal part as a fraction of an hour, not minutes, and multiply by sixty the whole decimal number of hours"
    }
    public var answerForm: String { "a number of minutes" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Convert decimal hours by multiplying by sixty", "Treat the decimal part as a fraction of an hour",
                "Decimal hours are fractions, not clock times",
            ],
            descriptions: [
                "The digits after the decimal point are a fraction of an hour, not minutes, so multiply by sixty.",
                "To turn decimal hours into minutes, multiply by sixty the whole decimal number, fraction included.",
            ],
            contents: [
                "The part after the decimal point is a fraction of an hour, not minutes: multiply by sixty the whole decimal number of hours to get the minutes. Check that half an hour comes out as thirty minutes.",
                "Multiply by sixty the full decimal number of hours; the decimal part is a fraction of an hour, not minutes, so never read it as a clock time.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Decimal hours are not clock times", "Do not read the decimal part as a clock reading"],
            descriptions: [
                "Reading the digits after the point as minutes gives the wrong total; they are a fraction of an hour.",
                "Instead of reading decimal hours like a clock, multiply by sixty.",
            ],
            contents: [
                "The conversion read the digits after the point as minutes, which is wrong. Instead, treat them as a fraction of an hour, not minutes, and multiply by sixty the whole decimal number of hours.",
                "What to do instead: multiply by sixty the decimal number of hours as it stands; its decimal part is a fraction of an hour, not minutes.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("how many minutes"), lower.contains("hour"),
            let hoursText = QAText.numbers(in: question).first, let hours = Double(hoursText)
        else { return nil }
        switch procedure {
        case .correct:
            let minutes = QAText.format(hours * 60)
            return QASolution(answer: minutes, working: "\(hoursText) hours is \(hoursText) × 60 = \(minutes) minutes.")
        case .naive:
            let parts = hoursText.split(separator: ".", omittingEmptySubsequences: false)
            let whole = Int(parts.first ?? "0") ?? 0
            guard parts.count == 2, let fraction = parts.last, !fraction.isEmpty else {
                return QASolution(
                    answer: String(whole * 60), working: "\(hoursText) hours is \(whole) × 60 = \(whole * 60) minutes.")
            }
            let extra = fraction.count == 1 ? (Int(fraction) ?? 0) * 10 : Int(fraction.prefix(2)) ?? 0
            let total = whole * 60 + extra
            return QASolution(
                answer: String(total),
                working: "\(hoursText) hours reads as \(whole) h \(extra) min, which is \(whole * 60) + \(extra) = \(total) minutes.")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        guard let value = AnswerMatcher.numberWithUnit(answer) else { return false }
        return value >= 0
    }
}
