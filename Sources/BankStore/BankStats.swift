import Foundation

/// Counts over the whole bank, for `rbank bank stats` and the TUI's bank screen.
public struct BankStats: Sendable, Hashable, Codable {
    /// Live experiences (retracted ones, from undone imports or adds, are not counted).
    public var experiences: Int
    public var retractedExperiences: Int
    public var activeItems: Int
    public var archivedItems: Int
    public var pinnedItems: Int
    /// Runs by `RunStatus` raw value.
    public var runsByStatus: [String: Int]
    /// Active items by `ItemSource` raw value.
    public var itemsBySource: [String: Int]
    /// Active items by verdict: `success`, `failure` or `unknown`.
    public var itemsByVerdict: [String: Int]
    /// Live experiences by the model that embedded their query (`none` when not embedded).
    public var embeddingModels: [String: Int]
    /// Embedding-cache rows by model.
    public var cachedEmbeddings: [String: Int]
    /// Imports, and how many of them were undone.
    public var imports: Int
    public var undoneImports: Int
    /// Change-log entries, and how many of them were undone.
    public var changes: Int
    public var undoneChanges: Int

    public init(
        experiences: Int, retractedExperiences: Int, activeItems: Int, archivedItems: Int, pinnedItems: Int,
        runsByStatus: [String: Int], itemsBySource: [String: Int], itemsByVerdict: [String: Int],
        embeddingModels: [String: Int], cachedEmbeddings: [String: Int], imports: Int, undoneImports: Int,
        changes: Int, undoneChanges: Int
    ) {
        self.experiences = experiences
        self.retractedExperiences = retractedExperiences
        self.activeItems = activeItems
        self.archivedItems = archivedItems
        self.pinnedItems = pinnedItems
        self.runsByStatus = runsByStatus
        self.itemsBySource = itemsBySource
        self.itemsByVerdict = itemsByVerdict
        self.embeddingModels = embeddingModels
        self.cachedEmbeddings = cachedEmbeddings
        self.imports = imports
        self.undoneImports = undoneImports
        self.changes = changes
        self.undoneChanges = undoneChanges
    }

    /// All runs.
    public var runs: Int { runsByStatus.values.reduce(0, +) }
}
