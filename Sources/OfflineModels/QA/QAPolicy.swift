import Foundation
import ReasoningBank

/// The QA world's simulated behaviour — a scripted simulation of a weak agent that improves with
/// memory, not an LLM.
///
/// - Agent: recognises the question's family; without a memory item that teaches the family's
///   correct procedure it uses the naive procedure (at temperature > 0 it explores the correct one
///   with probability `explorationRate`); it discusses every injected item in its thought and follows
///   one that teaches the correct procedure. Unknown questions get `answer('I don't know')`.
/// - Judge: sees only the intent and the response. With probability `recheckRate` (competence) it
///   solves the question itself with the correct procedure and compares; otherwise it only checks the
///   answer's form — so it sometimes accepts wrong answers.
/// - Extractor: thinks first, then writes up to the allowed number of items: the correct procedure
///   after a success that used it, the naive procedure after a success that did not, and after a
///   failure a lesson that finds the correct procedure with probability `reflectionRate`
///   (competence), else a vaguer lesson.
public struct QAPolicy: SimulatedPolicy {
    public var name: String { "qa" }
    public var summary: String {
        "QA simulation: a scripted weak agent (not an LLM) with naive and correct procedures for eight question families."
    }

    /// The families and the relevance rule.
    public let skillbook: QASkillbook
    /// Chance that the agent uses the correct procedure without a memory (temperature > 0 only).
    public let explorationRate: Double
    /// Chance that the judge re-solves the question instead of only checking the answer's form.
    public let recheckRate: Double
    /// Chance that reflecting on a failure finds the correct procedure.
    public let reflectionRate: Double

    public init(
        skillbook: QASkillbook = .standard, explorationRate: Double = 0.2, recheckRate: Double = 0.8,
        reflectionRate: Double = 0.7
    ) {
        self.skillbook = skillbook
        self.explorationRate = explorationRate
        self.recheckRate = recheckRate
        self.reflectionRate = reflectionRate
    }

    /// The QA world's action guide shows `answer('text')` as its action.
    public func handlesEnvironment(systemPrompt: String) -> Bool {
        systemPrompt.range(of: "answer('", options: .caseInsensitive) != nil
            || systemPrompt.range(of: "answer(\"", options: .caseInsensitive) != nil
    }

    public func handlesTask(_ query: String) -> Bool { skillbook.family(for: query) != nil }

    /// The answer the agent gives when it cannot solve a question.
    public static let unknownAnswer = "I don't know"
}
