import Foundation

/// "Take the last letter of each word in 'apple banana cherry' and join them together in order."
/// Naive: join the first letters. Correct: join the final letter of each word, in word order.
public struct LastLetterConcatFamily: QAFamily {
    public init() {}

    public var id: String { "last-letter-concat" }
    public var topic: String { "joining the last letters of a list of words" }
    public var shortTopic: String { "last-letter joins" }
    public var keyPhrases: [String] { ["final letter", "end of each word", "keep the word order"] }
    public var naiveMethod: String { "join the initial letters of the words" }
    public var correctMethod: String { "take the final letter at the end of each word and join them; keep the word order" }
    public var answerForm: String { "a string of letters" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Take the final letter of each word", "Read letters from the end of each word",
                "Join end letters in word order",
            ],
            descriptions: [
                "Take the final letter from the end of each word and keep the word order when joining.",
                "Pick the letter at the end of each word and join them, keeping the word order.",
            ],
            contents: [
                "Go through the words in turn, take the final letter at the end of each word, and join them; keep the word order and add no spaces.",
                "For each word, read its final letter at the end of each word rather than its start, then join the letters and keep the word order.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Use the end of each word, not its start", "Do not take the initial letters of the words"],
            descriptions: [
                "Taking the initial letters answers a different question; read the final letter of each word instead.",
                "Instead of the initial letters, take the letter at the end of each word.",
            ],
            contents: [
                "The answer joined the initial letters, which is not what was asked. Instead, take the final letter at the end of each word and keep the word order when joining them.",
                "What to do instead: for every word take the final letter, the one at the end of each word, and join them; keep the word order.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("last letter"), lower.contains("each word") else { return nil }
        guard let phrase = QAText.quotedStrings(in: question).first else { return nil }
        let words = phrase.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard words.count >= 2 else { return nil }
        let picked: [(String, Character)] =
            switch procedure {
            case .correct: words.compactMap { word in word.last.map { (word, $0) } }
            case .naive: words.compactMap { word in word.first.map { (word, $0) } }
            }
        let answer = String(picked.map(\.1))
        let pairs = picked.map { "\($0.0) → \($0.1)" }.joined(separator: ", ")
        let how = procedure == .correct ? "Taking the final letter of each word in order" : "Taking a letter from each word"
        return QASolution(answer: answer, working: "\(how): \(pairs), which gives '\(answer)'.")
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "'\".")))
        return !trimmed.isEmpty && trimmed.allSatisfy(\.isLetter)
    }
}
