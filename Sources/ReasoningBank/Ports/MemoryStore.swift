import Foundation

/// The bank as the loop sees it. The SQLite store implements it; tests use an in-memory one.
public protocol MemoryStore: Sendable {
    /// Every experience with its items (archived items included, flagged), for retrieval.
    func experiences() async throws -> [Experience]
    /// Appends an experience and its items (the paper's simple addition).
    func consolidate(_ experience: Experience) async throws
    /// Inserts or replaces a run record; called when a run starts and again when it ends.
    func record(_ run: RunRecord) async throws
}
