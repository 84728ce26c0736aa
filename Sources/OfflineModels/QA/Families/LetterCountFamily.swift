import Foundation
import ReasoningBank

/// "How many times does the letter 'r' appear in the word 'strawberry'?"
/// Naive: a doubled letter is seen as one place and counted once. Correct: count every occurrence.
public struct LetterCountFamily: QAFamily {
    public init() {}

    public var id: String { "letter-count" }
    public var topic: String { "counting how often a letter occurs in a word" }
    public var shortTopic: String { "letter counts" }
    public var keyPhrases: [String] { ["every occurrence", "doubled letter", "one by one"] }
    public var naiveMethod: String { "count the places where the letter shows up in the word" }
    public var correctMethod: String {
        "spell the word out one by one and count every occurrence of the letter, so that a doubled letter counts twice"
    }
    public var answerForm: String { "a whole number" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Count every occurrence of the letter", "Spell the word out before counting",
                "A doubled letter counts twice",
            ],
            descriptions: [
                "To count a letter in a word, go through the word one by one and count every occurrence.",
                "Spell the word out one by one so that every occurrence, including a doubled letter, is counted.",
            ],
            contents: [
                "Spell the word out one by one and add one for every occurrence of the target letter; a doubled letter is two occurrences, not one. Re-read the spelled-out word before answering with the bare number.",
                "Write the word as separate letters, one by one, and tally every occurrence of the letter asked about. A doubled letter contributes two to the count, so never merge neighbours.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Count every occurrence, not every place the letter shows up", "Do not merge a doubled letter into one"],
            descriptions: [
                "Counting the places where a letter shows up undercounts a doubled letter; count every occurrence instead.",
                "Instead of glancing at the word, spell it out one by one so that a doubled letter is counted twice.",
            ],
            contents: [
                "The count was too low because a doubled letter was taken as a single place. Instead, spell the word out one by one and count every occurrence of the letter, so a doubled letter adds two.",
                "What to do instead: list the letters of the word one by one and raise the count at every occurrence of the target letter; a doubled letter must add two, not one.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("how many"), lower.contains("letter") else { return nil }
        let quoted = QAText.quotedStrings(in: question)
        guard let letterText = quoted.first(where: { $0.count == 1 && ($0.first?.isLetter ?? false) }),
            let letter = letterText.lowercased().first,
            let word = quoted.first(where: { $0.count > 1 && $0.allSatisfy(\.isLetter) })
        else { return nil }
        let letters = Array(word.lowercased())
        switch procedure {
        case .correct:
            let positions = letters.indices.filter { letters[$0] == letter }.map { String($0 + 1) }
            let spelled = letters.map(String.init).joined(separator: "-")
            let location = positions.isEmpty ? "nowhere" : "at \(positions.count == 1 ? "position" : "positions") \(QAText.list(positions))"
            return QASolution(
                answer: String(positions.count),
                working: "Spelling the word out: \(spelled). The letter '\(letter)' is \(location), so it occurs \(QAText.counted(positions.count, "time")).")
        case .naive:
            var places = 0
            var previous: Character?
            for character in letters {
                if character == letter, previous != letter { places += 1 }
                previous = character
            }
            return QASolution(
                answer: String(places),
                working: "Looking over '\(word)', the letter '\(letter)' shows up in \(QAText.counted(places, "place")), so the count is \(places).")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        guard let value = AnswerMatcher.numberWithUnit(answer) else { return false }
        return value >= 0 && value == value.rounded()
    }
}
