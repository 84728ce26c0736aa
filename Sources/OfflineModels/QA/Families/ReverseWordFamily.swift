import Foundation

/// "Write the word 'pineapple' with its letters in reverse order."
/// Naive: the first and last letters stay where they are and only the middle is reversed.
/// Correct: write the last letter first and mirror every position.
public struct ReverseWordFamily: QAFamily {
    public init() {}

    public var id: String { "reverse-word" }
    public var topic: String { "writing a word with its letters in reverse order" }
    public var shortTopic: String { "word reversals" }
    public var keyPhrases: [String] { ["last letter first", "every position", "both ends"] }
    public var naiveMethod: String { "keep the outer letters where they are and reverse the letters between them" }
    public var correctMethod: String {
        "write the last letter first and go back through every position, so that both ends swap as well"
    }
    public var answerForm: String { "a single word" }

    public var strategyWording: QAItemWording {
        QAItemWording(
            titles: [
                "Reverse every position, including both ends", "Write the last letter first when reversing",
                "Mirror the whole word when reversing",
            ],
            descriptions: [
                "To reverse a word, write the last letter first and walk back through every position to the first.",
                "A reversed word mirrors every position: both ends swap places as well as the middle.",
            ],
            contents: [
                "Write the last letter first, then step back through every position one at a time until the first letter comes last; both ends move, not only the middle. Compare the length of the result with the original before answering.",
                "Reverse by reading the word from its end: the last letter first, then every position before it in turn. Both ends must swap, so the original first letter ends the answer.",
            ])
    }

    public var lessonWording: QAItemWording {
        QAItemWording(
            titles: ["Move both ends when reversing a word", "Do not anchor the outer letters when reversing"],
            descriptions: [
                "Reversing only the inner letters leaves the word wrong; both ends have to move too.",
                "Instead of keeping the outer letters fixed, write the last letter first and reverse every position.",
            ],
            contents: [
                "The reversal kept the outer letters in place, which is wrong whenever they differ. Instead, write the last letter first and go back through every position, so both ends swap as well.",
                "What to do instead: start the answer with the last letter first and continue backwards through every position of the word; both ends change places, they are not anchored.",
            ])
    }

    public func solve(_ question: String, using procedure: QAProcedure) -> QASolution? {
        let lower = question.lowercased()
        guard lower.contains("reverse") || lower.contains("backwards") else { return nil }
        guard let word = QAText.quotedStrings(in: question).first(where: { !$0.isEmpty && $0.allSatisfy(\.isLetter) })
        else { return nil }
        let letters = Array(word)
        switch procedure {
        case .correct:
            let reversed = String(letters.reversed())
            let spelled = letters.reversed().map(String.init).joined(separator: "-")
            return QASolution(
                answer: reversed,
                working: "Starting from the last letter and going back through every position: \(spelled), which gives '\(reversed)'.")
        case .naive:
            guard letters.count >= 3, let first = letters.first, let last = letters.last else {
                return QASolution(answer: word, working: "The word is too short to change, so it stays '\(word)'.")
            }
            let middle = String(letters.dropFirst().dropLast().reversed())
            let answer = String(first) + middle + String(last)
            return QASolution(
                answer: answer,
                working: "Keeping '\(first)' and '\(last)' at the ends and reversing the letters in between gives '\(answer)'.")
        }
    }

    public func isWellFormed(_ answer: String, for question: String) -> Bool {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "'\".")))
        return !trimmed.isEmpty && trimmed.allSatisfy(\.isLetter)
    }
}
