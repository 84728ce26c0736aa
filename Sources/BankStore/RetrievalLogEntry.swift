import Foundation

/// One retrieved experience of a run, as stored in the `retrieval_log` table.
public struct RetrievalLogEntry: Sendable, Hashable, Codable {
    public var runID: String
    /// 1 for the best hit.
    public var rank: Int
    public var experienceID: String
    public var taskID: String?
    public var query: String
    /// Cosine similarity in [-1, 1].
    public var score: Double
    public var itemIDs: [String]

    public init(runID: String, rank: Int, experienceID: String, taskID: String?, query: String, score: Double, itemIDs: [String]) {
        self.runID = runID
        self.rank = rank
        self.experienceID = experienceID
        self.taskID = taskID
        self.query = query
        self.score = score
        self.itemIDs = itemIDs
    }
}
