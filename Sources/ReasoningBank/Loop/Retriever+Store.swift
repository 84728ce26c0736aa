import Foundation

/// Retrieval straight from a store's query index: the query is embedded, the index ranked, and only the
/// experiences at the top are fetched, as many as the settings need. The result is the one
/// `retrieve(query:taskID:from: [Experience])` gives for all of the store's experiences.
extension Retriever {
    /// Ranks the store's experiences against `query`. Keyed by item text, every item has to be embedded,
    /// so that setting loads every experience as before.
    public func retrieve(query: String, taskID: String?, from store: any MemoryStore) async throws -> RetrievalResult {
        if settings.key == .itemText {
            let experiences: [Experience]
            do { experiences = try await store.experiences() } catch { throw LoopError.wrap(error, as: LoopError.store) }
            return try await retrieve(query: query, taskID: taskID, from: experiences)
        }
        // The query's embedding and the store's index are independent, and on a first retrieval both are
        // slow (a model's first call, a large bank's first read): they are made at the same time.
        async let pendingEmbedding = embedOne(query)
        async let pendingIndex = store.queryIndex(for: embedder)
        let queryEmbedding: [Float]
        do { queryEmbedding = try await pendingEmbedding } catch { throw LoopError.wrap(error, as: LoopError.embedder) }
        let index: QueryIndex
        let excluded: [String]
        do {
            index = try await pendingIndex
            excluded = settings.leakageGuard ? try await store.sameTaskExperienceIDs(taskID: taskID, query: query) : []
        } catch {
            throw LoopError.wrap(error, as: LoopError.store)
        }
        let wanted = max(0, settings.topK)
        var hits: [RetrievalHit] = []
        var items: [MemoryItem] = []
        var examined = 0
        var limit = wanted + excluded.count + 8
        ranking: while hits.count < wanted && examined < index.count {
            let ranked: [(key: Int64, score: Double)]
            do {
                ranked = try await index.ranked(queryEmbedding, limit: limit) { keys in
                    try await store.queryVectors(keys: keys, model: index.model)
                }
            } catch {
                throw LoopError.wrap(error, as: LoopError.store)
            }
            let fresh = ranked.dropFirst(examined)
            let byKey: [Int64: Experience]
            do { byKey = try await store.experiences(keys: fresh.map(\.key)) } catch {
                throw LoopError.wrap(error, as: LoopError.store)
            }
            for (key, score) in fresh {
                examined += 1
                if let floor = settings.similarityFloor, score < floor { break ranking }
                guard let experience = byKey[key] else { continue }
                let active = experience.activeItems
                if active.isEmpty { continue }
                if settings.leakageGuard && Self.isSameTask(experience, taskID: taskID, query: query) { continue }
                hits.append(RetrievalHit(
                    experienceID: experience.id, taskID: experience.taskID, query: experience.query, score: score,
                    itemIDs: active.map(\.id)))
                items.append(contentsOf: active)
                if hits.count == wanted { break ranking }
            }
            // Every row was ranked (some may have left the store meanwhile): nothing more to examine.
            if limit >= index.count { break }
            limit *= 4
        }
        return RetrievalResult(hits: hits, items: items, excludedByLeakageGuard: excluded, queryEmbedding: queryEmbedding)
    }
}
