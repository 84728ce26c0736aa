import Foundation

/// Retrieval over `experiences()`, for stores that keep no index (the in-memory test store). Index keys
/// are positions in `experiences()`.
extension MemoryStore {
    public func queryIndex(for embedder: any Embedder) async throws -> QueryIndex {
        let all = try await experiences()
        var index = QueryIndex(model: embedder.name, dimension: embedder.dimension)
        let stale = all.indices.filter { !Self.isUsable(all[$0], for: embedder) }
        let fresh = try await embedder.embed(stale.map { all[$0].query })
        var vectors = all.map { $0.queryEmbedding ?? [] }
        for (offset, position) in stale.enumerated() where offset < fresh.count { vectors[position] = fresh[offset] }
        for (position, vector) in vectors.enumerated() { index.append(key: Int64(position), vector: vector) }
        return index
    }

    public func queryVectors(keys: [Int64], model: String) async throws -> [Int64: [Float]] {
        let all = try await experiences()
        var found: [Int64: [Float]] = [:]
        for key in keys where all.indices.contains(Int(key)) && all[Int(key)].embeddingModel == model {
            found[key] = all[Int(key)].queryEmbedding
        }
        return found
    }

    public func experiences(keys: [Int64]) async throws -> [Int64: Experience] {
        let all = try await experiences()
        var found: [Int64: Experience] = [:]
        for key in keys where all.indices.contains(Int(key)) { found[key] = all[Int(key)] }
        return found
    }

    public func sameTaskExperienceIDs(taskID: String?, query: String) async throws -> [String] {
        try await experiences()
            .filter { !$0.activeItems.isEmpty && Retriever.isSameTask($0, taskID: taskID, query: query) }
            .map(\.id)
    }

    /// Whether `experience`'s stored query embedding came from `embedder` and fits it.
    static func isUsable(_ experience: Experience, for embedder: any Embedder) -> Bool {
        guard let vector = experience.queryEmbedding else { return false }
        return experience.embeddingModel == embedder.name && vector.count == embedder.dimension
    }
}
