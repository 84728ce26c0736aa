import Foundation
import ReasoningBank

/// Everything the QA simulation knows: the question families, and how to tell whether a memory item
/// teaches one of them. Relevance is decided by content — an item teaches a family when its title,
/// description and content together contain at least `relevanceThreshold` of the family's key
/// phrases (case-insensitive) — never by an id, so hand-written items work too.
public struct QASkillbook: Sendable {
    /// The families, asked in order when recognising a question.
    public let families: [any QAFamily]
    /// How many of a family's key phrases an item must contain to teach it.
    public let relevanceThreshold: Int

    /// The standard skillbook: the eight families of `data/tasks/qa.jsonl`.
    public static let standard = QASkillbook()

    /// The eight standard families.
    public static var standardFamilies: [any QAFamily] {
        [
            LetterCountFamily(), ReverseWordFamily(), FractionalHoursFamily(), DateDifferenceFamily(),
            PercentChangeFamily(), LastLetterConcatFamily(), AlphabeticalFirstFamily(), OrderOfOperationsFamily(),
        ]
    }

    public init(families: [any QAFamily] = QASkillbook.standardFamilies, relevanceThreshold: Int = 2) {
        self.families = families
        self.relevanceThreshold = max(1, relevanceThreshold)
    }

    /// The family `question` belongs to, nil when the simulation does not know the question type.
    public func family(for question: String) -> (any QAFamily)? {
        families.first { $0.recognises(question) }
    }

    /// The family with this id.
    public func family(id: String) -> (any QAFamily)? {
        families.first { $0.id == id }
    }

    /// The family whose correct procedure `item` describes (the one with most key phrases present,
    /// at least `relevanceThreshold`), if any.
    public func familyTaught(by item: ExtractedItem) -> (any QAFamily)? {
        let text = Self.text(of: item)
        var best: (family: any QAFamily, count: Int)?
        for family in families {
            let count = family.keyPhraseCount(in: text)
            if count >= relevanceThreshold, count > (best?.count ?? 0) { best = (family, count) }
        }
        return best?.family
    }

    /// How `item` relates to `family`.
    public func relevance(of item: ExtractedItem, to family: any QAFamily) -> QAItemRelevance {
        let text = Self.text(of: item)
        if family.keyPhraseCount(in: text) >= relevanceThreshold { return .teaches }
        if let other = familyTaught(by: item) { return .otherTopic(other.topic) }
        if text.lowercased().contains(family.shortTopic.lowercased()) { return .sameTopic }
        return .unrelated
    }

    static func text(of item: ExtractedItem) -> String {
        [item.title, item.description, item.content].joined(separator: "\n")
    }
}
