import Foundation
import ReasoningBank

/// One line of a QA task file (`data/tasks/qa.jsonl`): a question, its family, and its ground truth.
///
/// ```json
/// {"id": "qa-001", "family": "letter-count", "question": "...", "answer": "3", "aliases": ["3 times"], "naive_correct": false}
/// ```
/// `aliases` and `naive_correct` may be omitted; unknown fields are ignored.
public struct QATaskRecord: Sendable, Hashable, Codable, Identifiable {
    /// Unique within the file, e.g. `qa-001`.
    public var id: String
    /// The family the question belongs to, e.g. `letter-count`; nil when the file leaves it empty.
    public var family: String?
    /// The question, shown to the agent verbatim.
    public var question: String
    /// The expected answer.
    public var answer: String
    /// Other answers that count as correct, e.g. `150 minutes` for `150`.
    public var aliases: [String]
    /// Whether the naive procedure of a weak agent happens to be right here (nil when unknown).
    public var naiveCorrect: Bool?

    public init(
        id: String, family: String?, question: String, answer: String, aliases: [String] = [],
        naiveCorrect: Bool? = nil
    ) {
        self.id = id
        self.family = family
        self.question = question
        self.answer = answer
        self.aliases = aliases
        self.naiveCorrect = naiveCorrect
    }

    private enum CodingKeys: String, CodingKey {
        case id, family, question, answer, aliases
        case naiveCorrect = "naive_correct"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let familyName = try container.decodeIfPresent(String.self, forKey: .family)?
            .trimmingCharacters(in: .whitespaces)
        family = (familyName?.isEmpty ?? true) ? nil : familyName
        question = try container.decode(String.self, forKey: .question)
        answer = try container.decode(String.self, forKey: .answer)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        naiveCorrect = try container.decodeIfPresent(Bool.self, forKey: .naiveCorrect)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(family ?? "", forKey: .family)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(aliases, forKey: .aliases)
        try container.encodeIfPresent(naiveCorrect, forKey: .naiveCorrect)
    }

    /// The task the loop runs for this record.
    public var taskSpec: TaskSpec {
        TaskSpec(id: id, query: question, environment: QAWorld.environmentName, family: family)
    }
}
