import Foundation

/// One past task in the bank: its query, the query's embedding, its outcome and the items distilled from it.
///
/// Retrieval follows the official code: the past task's *query* is embedded and compared with the
/// current query; the items of the best experiences are injected.
public struct Experience: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var taskID: String?
    public var query: String
    public var queryEmbedding: [Float]?
    /// Name of the embedder that produced `queryEmbedding`.
    public var embeddingModel: String?
    /// Judged outcome of the trajectory (nil when unknown, e.g. imported without a label).
    public var outcome: VerdictStatus?
    public var runID: String?
    public var memoryMode: MemoryMode
    /// The items distilled from this experience (active and archived).
    public var items: [MemoryItem]
    public var createdAt: Date
    /// The trajectory as text (`<think>…</think><action>…</action>` blocks), kept for export and exemplars.
    public var trajectoryText: String?

    public init(
        id: String = Identifier.make(prefix: "x"), taskID: String?, query: String, queryEmbedding: [Float]?,
        embeddingModel: String?, outcome: VerdictStatus?, runID: String?, memoryMode: MemoryMode,
        items: [MemoryItem], createdAt: Date, trajectoryText: String? = nil
    ) {
        self.id = id
        self.taskID = taskID
        self.query = query
        self.queryEmbedding = queryEmbedding
        self.embeddingModel = embeddingModel
        self.outcome = outcome
        self.runID = runID
        self.memoryMode = memoryMode
        self.items = items
        self.createdAt = createdAt
        self.trajectoryText = trajectoryText
    }

    /// Items that may be retrieved.
    public var activeItems: [MemoryItem] { items.filter { !$0.isArchived } }
}

/// What kind of memory the pipeline stores (reference §1.1).
public enum MemoryMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// No retrieval, no extraction.
    case none
    /// Strategies from successes and lessons from failures (the paper's method).
    case reasoningbank
    /// Synapse: whole successful trajectories stored as exemplars, no distillation.
    case synapse
    /// Agent Workflow Memory: reusable workflows induced from successful trajectories.
    case awm
}
