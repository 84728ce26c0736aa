import Foundation

/// What retrieval found for one query.
public struct RetrievalResult: Sendable, Hashable {
    public var hits: [RetrievalHit]
    /// The items to inject, in rank order.
    public var items: [MemoryItem]
    /// Experiences skipped because they belong to the same task.
    public var excludedByLeakageGuard: [String]
    /// The current query's embedding, kept so consolidation need not embed it again.
    public var queryEmbedding: [Float]
}

/// Finds the memories to show the agent (reference §1.5).
///
/// By default it embeds the current query, compares it with each past experience's *query* embedding,
/// takes the top-1 experience and returns all of its active items. Keying by item text, top-k, a
/// similarity floor and the same-task leakage guard are settings.
public struct Retriever: Sendable {
    public var settings: RetrievalSettings
    public var embedder: any Embedder

    public init(settings: RetrievalSettings, embedder: any Embedder) {
        self.settings = settings
        self.embedder = embedder
    }

    /// Ranks `experiences` against `query`. Experiences without an active item are never returned.
    /// `retrieve(query:taskID:from:)` with a store gives the same result without loading every experience.
    public func retrieve(query: String, taskID: String?, from experiences: [Experience]) async throws
        -> RetrievalResult
    {
        let queryEmbedding = try await embedOne(query)
        var excluded: [String] = []
        let candidates = experiences.filter { experience in
            guard !experience.activeItems.isEmpty else { return false }
            if settings.leakageGuard && Self.isSameTask(experience, taskID: taskID, query: query) {
                excluded.append(experience.id)
                return false
            }
            return true
        }
        let scored: [(hit: RetrievalHit, items: [MemoryItem])]
        switch settings.key {
        case .query: scored = try await scoreByQuery(queryEmbedding, candidates)
        case .itemText: scored = try await scoreByItemText(queryEmbedding, candidates)
        }
        let kept = scored
            .filter { candidate in settings.similarityFloor.map { candidate.hit.score >= $0 } ?? true }
            .prefix(max(0, settings.topK))
        return RetrievalResult(
            hits: kept.map(\.hit), items: kept.flatMap(\.items), excludedByLeakageGuard: excluded,
            queryEmbedding: queryEmbedding)
    }

    /// Whether `experience` is of the task being run: the same task id, or the same query when either
    /// has no task id.
    static func isSameTask(_ experience: Experience, taskID: String?, query: String) -> Bool {
        if let taskID, let other = experience.taskID { return taskID == other }
        return experience.query == query
    }

    private func scoreByQuery(_ queryEmbedding: [Float], _ candidates: [Experience]) async throws
        -> [(hit: RetrievalHit, items: [MemoryItem])]
    {
        // Stored embeddings from another embedder are not comparable: embed those queries again.
        let stale = candidates.indices.filter { !isUsable(candidates[$0]) }
        let fresh = try await embedder.embed(stale.map { candidates[$0].query })
        var vectors = candidates.map { $0.queryEmbedding ?? [] }
        for (offset, index) in stale.enumerated() where offset < fresh.count { vectors[index] = fresh[offset] }
        return rank(candidates.indices.map { index in
            let experience = candidates[index]
            let items = experience.activeItems
            let hit = RetrievalHit(
                experienceID: experience.id, taskID: experience.taskID, query: experience.query,
                score: Similarity.cosine(queryEmbedding, vectors[index]), itemIDs: items.map(\.id))
            return (hit, items)
        })
    }

    private func scoreByItemText(_ queryEmbedding: [Float], _ candidates: [Experience]) async throws
        -> [(hit: RetrievalHit, items: [MemoryItem])]
    {
        let pairs = candidates.flatMap { experience in experience.activeItems.map { (experience, $0) } }
        let vectors = try await embedder.embed(pairs.map { "\($0.1.title)\n\($0.1.description)\n\($0.1.content)" })
        return rank(pairs.indices.map { index in
            let (experience, item) = pairs[index]
            let vector = index < vectors.count ? vectors[index] : []
            let hit = RetrievalHit(
                experienceID: experience.id, taskID: experience.taskID, query: experience.query,
                score: Similarity.cosine(queryEmbedding, vector), itemIDs: [item.id])
            return (hit, [item])
        })
    }

    /// Highest score first; ties keep bank order, so results are deterministic.
    private func rank(_ scored: [(hit: RetrievalHit, items: [MemoryItem])]) -> [(hit: RetrievalHit, items: [MemoryItem])] {
        scored.enumerated()
            .sorted { lhs, rhs in
                lhs.element.hit.score != rhs.element.hit.score
                    ? lhs.element.hit.score > rhs.element.hit.score : lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    private func isUsable(_ experience: Experience) -> Bool {
        guard let vector = experience.queryEmbedding else { return false }
        return experience.embeddingModel == embedder.name && vector.count == embedder.dimension
    }

    func embedOne(_ text: String) async throws -> [Float] {
        let vectors = try await embedder.embed([text])
        guard let first = vectors.first else { throw LoopError.embedder("the embedder returned no vector") }
        return first
    }
}
