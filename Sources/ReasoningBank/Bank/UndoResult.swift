import Foundation

/// What `Bank.undo()` reversed.
public struct UndoResult: Sendable, Hashable, Codable {
    /// The change that was reversed (now with `undoneAt` set).
    public var undone: ChangeLogEntry
    /// The undone change and what undoing it did, without a leading verb, e.g.
    /// `edit m-3f9a1c2b7d4e: revision 1 → 2 (title) — m-3f9a1c2b7d4e is back to the text of revision 1
    /// (written as revision 3).`
    public var summary: String
    /// Items whose state changed.
    public var itemIDs: [String]

    public init(undone: ChangeLogEntry, summary: String, itemIDs: [String]) {
        self.undone = undone
        self.summary = summary
        self.itemIDs = itemIDs
    }
}
