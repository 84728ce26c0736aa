import ReasoningBank

/// A query index with what it was built from: the embedder's name and dimension and the bank's
/// `retrieval_generation` at the time.
struct QueryIndexCache: Sendable {
    var model: String
    var dimension: Int
    var generation: Int64
    var index: QueryIndex

    /// Whether the index answers for `embedder` at `generation`.
    func fits(_ embedder: any Embedder, generation: Int64) -> Bool {
        model == embedder.name && dimension == embedder.dimension && self.generation == generation
    }
}
