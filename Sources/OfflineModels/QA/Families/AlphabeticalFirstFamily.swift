import Foundation
import ReasoningBank

/// "Which word comes first in alphabetical order: 'pear', 'fig', 'banana'?"
/// Naive: the shortest word. Correct: compare letter by letter from the first letter on.
public struct AlphabeticalFirstFamily: QAFamily {
    public init() {}

    public var id: String { "alphabetical-first" }
    public var topic: String { "finding the word that comes first in alphabetical order" }
    public var shortTopic: String { "alphabetical-order questions" }
    public var keyPhrases: [String] {
        ["compare the first letters", "first position where they differ", "length does not matter"]
    }
    public var naiveMethod: String { "pick the shortest word, since short words seem to come first" }
    public var correctMethod: String {
        "compare the first letters, then the first position where they differ; length does not matter"
    }
    public var answerForm: String { "one of the listed words" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Order words by their letters, not their length", "Compare first letters to find alphabetical order",
                "Alphabetical order ignores word length",
            ],
            descriptions: [
                "To find the first word alphabetically, compare the first letters, then the first position where they differ.",
                "Length does not matter in alphabetical order; compare the words letter against letter.",
            ],
            contents: [
                "Compare the first letters of the words; when two share a first letter, compare at the first position where they differ. Length does not matter, except that a word that is a prefix of another comes first.",
                "Sort by letters: compare the first letters, then the first position where they differ. Length does not matter, so a long word can come before a short one.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Word length does not decide alphabetical order", "Do not pick the shortest word for alphabetical order"],
            descriptions: [
                "Picking the shortest word is not alphabetical order; compare the letters instead.",
                "Instead of the shortest word, find the one whose letters come first.",
            ],
            contents: [
                "The shortest word was picked, but length does not matter in alphabetical order. Instead, compare the first letters, and for ties the first position where they differ.",
                "What to do instead: compare the first letters of all the words and, on a tie, the first position where they differ; length does not matter.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let words = Self.options(in: question)
        guard question.lowercased().contains("alphabetical"), words.count >= 2 else { return nil }
        switch procedure {
        case .correct:
            guard let first = words.min(by: { $0.lowercased() < $1.lowercased() }) else { return nil }
            let ordered = words.sorted { $0.lowercased() < $1.lowercased() }.map { "'\($0)'" }.joined(separator: " < ")
            return QASolution(answer: first, working: "Comparing letter against letter from the start: \(ordered), so '\(first)' comes first.")
        case .naive:
            guard let shortest = words.map(\.count).min(), let first = words.first(where: { $0.count == shortest })
            else { return nil }
            return QASolution(answer: first, working: "The shortest word is '\(first)', so it should come first.")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        let given = AnswerMatcher.normalize(answer)
        return Self.options(in: question).contains { AnswerMatcher.normalize($0) == given }
    }

    /// The quoted words, or else the comma-separated words after the last colon.
    static func options(in question: String) -> [String] {
        let quoted = QAText.quotedStrings(in: question).filter { !$0.isEmpty && $0.allSatisfy(\.isLetter) }
        if quoted.count >= 2 { return quoted }
        guard let colon = question.lastIndex(of: ":") else { return [] }
        return question[question.index(after: colon)...]
            .split(whereSeparator: { $0 == "," || $0 == "?" || $0 == " " || $0 == "." })
            .map(String.init).filter { $0.allSatisfy(\.isLetter) && !["or", "and"].contains($0.lowercased()) }
    }
}
