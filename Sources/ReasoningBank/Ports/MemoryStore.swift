import Foundation

/// The bank as the loop sees it. The SQLite store implements it; tests use an in-memory one.
public protocol MemoryStore: Sendable {
    /// Every experience with its items (archived items included, flagged), for retrieval.
    func experiences() async throws -> [Experience]
    /// Appends an experience and its items (the paper's simple addition).
    func consolidate(_ experience: Experience) async throws
    /// Inserts or replaces a run record; called when a run starts and again when it ends.
    func record(_ run: RunRecord) async throws

    /// The live experiences' query embeddings under `embedder`, in bank order. Embeddings that are
    /// missing or from another embedder are computed with `embedder`. The default builds it from
    /// `experiences()` every time; the bank keeps one up to date and reads only the embeddings.
    func queryIndex(for embedder: any Embedder) async throws -> QueryIndex
    /// The stored query embeddings of these index keys made by embedder `model`, by key (others absent):
    /// the exact vectors for ranking with an index that keeps only codes.
    func queryVectors(keys: [Int64], model: String) async throws -> [Int64: [Float]]
    /// The live experiences with these index keys, with their items, by key (keys no longer live are absent).
    func experiences(keys: [Int64]) async throws -> [Int64: Experience]
    /// The ids of live experiences of the same task (same task id, or the same query when either has no
    /// task id) that have an active item, in bank order: the ones the leakage guard skips.
    func sameTaskExperienceIDs(taskID: String?, query: String) async throws -> [String]
}
