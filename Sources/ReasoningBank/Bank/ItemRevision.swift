import Foundation

/// One revision of a memory item's text. Revisions are never deleted; the item points at its current one.
public struct ItemRevision: Sendable, Hashable, Codable {
    public var itemID: String
    /// 1 for the text the item was created with; every edit (and every undone edit) adds one.
    public var revision: Int
    public var title: String
    public var description: String
    public var content: String
    /// The original official-JSONL string this revision was imported from (nil once edited).
    public var rawText: String?
    public var editedAt: Date
    /// Why the revision was written, e.g. an edit note or "undo: back to revision 1".
    public var note: String?
    /// Whether this is the revision the item currently shows.
    public var isCurrent: Bool

    public init(
        itemID: String, revision: Int, title: String, description: String, content: String, rawText: String?,
        editedAt: Date, note: String?, isCurrent: Bool
    ) {
        self.itemID = itemID
        self.revision = revision
        self.title = title
        self.description = description
        self.content = content
        self.rawText = rawText
        self.editedAt = editedAt
        self.note = note
        self.isCurrent = isCurrent
    }

    /// The three fields of this revision.
    public var fields: ExtractedItem { ExtractedItem(title: title, description: description, content: content) }
}
