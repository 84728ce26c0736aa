import Foundation

/// A curation change kept for undo.
public struct ChangeLogEntry: Sendable, Hashable, Codable, Identifiable {
    /// What kind of change it was.
    public enum Operation: String, Sendable, Hashable, Codable, CaseIterable {
        case add
        case edit
        case archive
        case restore
        case pin
        case unpin
        case `import`
        /// Items merged into a new one (the sources archived).
        case merge
    }

    /// Position in the log, increasing.
    public var id: Int64
    public var operation: Operation
    /// The item changed (nil for imports).
    public var itemID: String?
    /// The import batch (imports only).
    public var importID: Int64?
    public var at: Date
    /// A one-line description, e.g. `edit m-3f9a1c2b7d4e: revision 1 → 2`.
    public var summary: String
    /// When the change was undone, if it was.
    public var undoneAt: Date?

    public init(
        id: Int64, operation: Operation, itemID: String?, importID: Int64?, at: Date, summary: String, undoneAt: Date?
    ) {
        self.id = id
        self.operation = operation
        self.itemID = itemID
        self.importID = importID
        self.at = at
        self.summary = summary
        self.undoneAt = undoneAt
    }
}
