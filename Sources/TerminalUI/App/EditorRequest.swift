/// Text handed to `$EDITOR` (the runtime suspends the screen while it runs), and what the result is for.
public struct EditorRequest: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// A bank item's fields, written as `# Title` / `## Description` / `## Content` sections.
        case editItem(id: String)
        /// An extracted item held at the before-consolidation gate (by its index).
        case editExtracted(ticket: Int, index: Int)
        /// A memory about to be injected, held at the before-injection gate (by its index).
        case editInjected(ticket: Int, index: Int)
        /// The full request held at the before-model-call gate (its rendered prompt).
        case editPrompt(ticket: Int)
    }

    public var purpose: Purpose
    public var text: String

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        self.text = text
    }
}
