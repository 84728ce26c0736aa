import Foundation

/// One family of QA questions and what the simulation knows about it: how to recognise a question,
/// the naive procedure a weak agent uses, the correct procedure a learned strategy teaches, the key
/// phrases by which a memory item is recognised as teaching that strategy, and the wording the
/// extractor uses for it.
///
/// Invariants (checked by the tests): `correctMethod`, every strategy and lesson content contain all
/// key phrases; `naiveMethod`, the naive and vague items and every other family's items contain
/// none; titles and descriptions contain no digits.
public protocol QAFamily: Sendable {
    /// The family id as in the task file, e.g. `letter-count`.
    var id: String { get }
    /// What its questions are about, e.g. "counting how often a letter occurs in a word".
    var topic: String { get }
    /// A short plural noun phrase used in item titles, e.g. "letter counts".
    var shortTopic: String { get }
    /// Lower-case phrases that an item describing the correct procedure contains.
    var keyPhrases: [String] { get }
    /// The naive procedure, as an imperative phrase ("count the places where …").
    var naiveMethod: String { get }
    /// The correct procedure, as an imperative phrase containing the key phrases.
    var correctMethod: String { get }
    /// The expected form of an answer, e.g. "a whole number", for the judge's shallow check.
    var answerForm: String { get }
    /// Items that teach the correct procedure after a success.
    var strategyWording: QAItemWording { get }
    /// Items that teach the correct procedure as "what to do instead" after a failure.
    var lessonWording: QAItemWording { get }
    /// Works the question out with `procedure`; nil when the question is not of this family.
    func solve(_ question: String, using procedure: QAProcedure) -> QASolution?
    /// Whether `answer` has the form this family's answers have (no check of its value).
    func isWellFormed(_ answer: String, for question: String) -> Bool
}

extension QAFamily {
    /// Whether `question` belongs to this family.
    public func recognises(_ question: String) -> Bool { solve(question, using: .correct) != nil }

    /// Items that describe the naive procedure after a (lucky or wrongly judged) success. They do not
    /// contain the key phrases, so they do not teach the correct strategy.
    public var naiveWording: QAItemWording {
        QAItemWording(
            titles: ["A quick approach to \(shortTopic)", "Answer \(shortTopic) directly"],
            descriptions: [
                "For \(shortTopic), it worked to \(naiveMethod) and answer with the bare value.",
                "A direct reading was enough for \(shortTopic), with no extra checks needed.",
            ],
            contents: [
                "The agent chose to \(naiveMethod), and the answer was accepted. Doing the same and replying with only the value through the answer action should work for similar questions.",
                "To handle \(shortTopic), \(naiveMethod), then submit just the value; this was accepted without further checks.",
            ])
    }

    /// A vaguer lesson after a failure whose reflection did not find the correct procedure.
    public var vagueWording: QAItemWording {
        QAItemWording(
            titles: ["Take more care with \(shortTopic)", "Slow down on \(shortTopic)"],
            descriptions: [
                "An answer on \(shortTopic) was judged wrong, so these need more care.",
                "Answers on \(shortTopic) can go wrong; take a second look before answering.",
            ],
            contents: [
                "The answer was judged wrong. Work more carefully on \(shortTopic) and read the question again before submitting a value.",
                "The submitted value was not accepted. Re-read the question and go over the working once more before answering; \(shortTopic) are easy to rush.",
            ])
    }

    /// How many of the key phrases `text` contains (case-insensitive).
    public func keyPhraseCount(in text: String) -> Int {
        let lower = text.lowercased()
        return keyPhrases.filter { lower.contains($0.lowercased()) }.count
    }
}
