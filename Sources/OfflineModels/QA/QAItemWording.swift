import Foundation
import ReasoningBank

/// Alternative wordings of one memory item; the extractor picks one title, one description and
/// one content (seeded), so items for the same strategy vary a little between calls.
public struct QAItemWording: Sendable, Hashable {
    /// Alternative titles (no digits, no task-specific words).
    public var titles: [String]
    /// Alternative one-sentence descriptions (no digits, no task-specific words).
    public var descriptions: [String]
    /// Alternative contents (1-3 sentences describing the procedure abstractly).
    public var contents: [String]

    public init(titles: [String], descriptions: [String], contents: [String]) {
        self.titles = titles
        self.descriptions = descriptions
        self.contents = contents
    }

    /// One wording, chosen with `dice` (the first of each at temperature 0).
    public func item(using dice: inout SimulationDice) -> ExtractedItem {
        ExtractedItem(
            title: Self.pick(titles, &dice), description: Self.pick(descriptions, &dice),
            content: Self.pick(contents, &dice))
    }

    /// Every combination of the wordings, for inspection and tests.
    public var allItems: [ExtractedItem] {
        titles.flatMap { title in
            descriptions.flatMap { description in
                contents.map { ExtractedItem(title: title, description: description, content: $0) }
            }
        }
    }

    private static func pick(_ options: [String], _ dice: inout SimulationDice) -> String {
        guard !options.isEmpty else { return "" }
        return options[dice.variant(options.count)]
    }
}
