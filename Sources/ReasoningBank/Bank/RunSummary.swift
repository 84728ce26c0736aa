import Foundation

/// One line of the run history: the indexed columns of a stored `RunRecord`.
public struct RunSummary: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var taskID: String
    public var query: String
    public var environment: String
    public var status: RunStatus
    public var startedAt: Date
    public var finishedAt: Date?
    /// `provider/model`, marked `(simulation)` for the offline model.
    public var model: String
    public var embedder: String
    public var memoryMode: MemoryMode
    public var stepCount: Int
    public var usage: Usage
    /// The experience the run consolidated, if any.
    public var experienceID: String?
    /// `matts-parallel k=5` for a MaTTS run; nil for a plain run.
    public var scaling: String?

    public init(
        id: String, taskID: String, query: String, environment: String, status: RunStatus, startedAt: Date,
        finishedAt: Date?, model: String, embedder: String, memoryMode: MemoryMode, stepCount: Int, usage: Usage,
        experienceID: String?, scaling: String? = nil
    ) {
        self.scaling = scaling
        self.id = id
        self.taskID = taskID
        self.query = query
        self.environment = environment
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.model = model
        self.embedder = embedder
        self.memoryMode = memoryMode
        self.stepCount = stepCount
        self.usage = usage
        self.experienceID = experienceID
    }
}
