import Foundation
import ReasoningBank

/// "How many days are there between March 3 and July 18, 2023?"
/// Naive: every month has 30 days. Correct: count month by month with the real month lengths.
/// Without a year in the question a common (non-leap) year is assumed.
public struct DateDifferenceFamily: QAFamily {
    public init() {}

    public var id: String { "date-diff" }
    public var topic: String { "counting the days between two dates" }
    public var shortTopic: String { "day counts between dates" }
    public var keyPhrases: [String] { ["actual length of each month", "month by month", "leap year"] }
    public var naiveMethod: String { "count thirty days for every month apart and add the difference in days" }
    public var correctMethod: String {
        "count month by month with the actual length of each month, checking whether it is a leap year"
    }
    public var answerForm: String { "a whole number of days" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Count days between dates month by month", "Use the real month lengths for day counts",
                "Walk the calendar when counting days",
            ],
            descriptions: [
                "To count days between two dates, go month by month using the actual length of each month.",
                "Months differ in length, so count the days month by month and check for a leap year.",
            ],
            contents: [
                "Go month by month: take the days left in the first month, add the actual length of each month in between, then add the days of the last month. Check whether it is a leap year before giving February its length.",
                "Count month by month with the actual length of each month (twenty-eight to thirty-one days), treating February by whether it is a leap year; then add the remaining days at both sides.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Months are not all the same length", "Do not assume equal months when counting days"],
            descriptions: [
                "Assuming every month has thirty days drifts away from the true count; use the real month lengths.",
                "Instead of a fixed month length, walk the calendar one month at a time.",
            ],
            contents: [
                "Counting thirty days for every month gave the wrong total. Instead, count month by month with the actual length of each month, and check whether it is a leap year when February is involved.",
                "What to do instead: add up the days month by month using the actual length of each month, with February depending on whether it is a leap year.",
            ])
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("how many days") else { return nil }
        let words = QAText.words(in: question)
        var dates: [(month: Int, day: Int)] = []
        var year: Int?
        for (index, word) in words.enumerated() {
            if let month = Self.month(named: word), index + 1 < words.count, let day = Int(words[index + 1]),
                dates.count < 2
            {
                dates.append((month, day))
            } else if word.count == 4, let value = Int(word), value > 31 {
                year = value
            }
        }
        guard dates.count == 2 else { return nil }
        let yearValue = year ?? 2023
        var (from, to) = (dates[0], dates[1])
        guard (1...Self.length(of: from.month, year: yearValue)).contains(from.day),
            (1...Self.length(of: to.month, year: yearValue)).contains(to.day)
        else { return nil }
        if (to.month, to.day) < (from.month, from.day) { swap(&from, &to) }
        switch procedure {
        case .correct:
            let leap = Self.isLeap(yearValue)
            let yearNote = year.map { "\($0) is \(leap ? "a" : "not a") leap year" } ?? "assuming a year that is not a leap year"
            if from.month == to.month {
                let days = to.day - from.day
                return QASolution(answer: String(days), working: "Both dates are in the same month (\(yearNote)): \(to.day) − \(from.day) = \(days) days.")
            }
            var terms = [Self.length(of: from.month, year: yearValue) - from.day]
            var names = ["the rest of \(Self.name(from.month))"]
            for month in (from.month + 1)..<to.month {
                terms.append(Self.length(of: month, year: yearValue))
                names.append(Self.name(month))
            }
            terms.append(to.day)
            names.append("the days of \(Self.name(to.month))")
            let total = terms.reduce(0, +)
            let sum = zip(terms, names).map { "\($0.0) (\($0.1))" }.joined(separator: " + ")
            return QASolution(
                answer: String(total),
                working: "Going month by month with the real month lengths (\(yearNote)): \(sum) = \(total) days.")
        case .naive:
            let months = to.month - from.month
            let total = abs(months * 30 + (to.day - from.day))
            return QASolution(
                answer: String(total),
                working: "Counting 30 days per month: \(months) × 30 + (\(to.day) − \(from.day)) = \(total) days.")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        guard let value = AnswerMatcher.numberWithUnit(answer) else { return false }
        return value >= 0 && value == value.rounded()
    }

    static func month(named word: String) -> Int? {
        if let index = monthNames.firstIndex(of: word) { return index + 1 }
        if word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) && word.count <= $0.count }),
            word.count == 3 || word.count == 4
        {
            return index + 1
        }
        return nil
    }

    static func name(_ month: Int) -> String {
        let raw = monthNames[max(0, min(11, month - 1))]
        return raw.prefix(1).uppercased() + raw.dropFirst()
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func length(of month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
