import Foundation

/// Adds a run's items to the bank as one experience: the paper's simple addition (reference §1.7).
struct Consolidator: Sendable {
    var store: any MemoryStore
    var clock: any RunClock

    /// `source` overrides the memory mode's (MaTTS items distilled across attempts are `selfContrast`).
    func consolidate(
        items: [ExtractedItem], record: RunRecord, outcome: VerdictStatus?, queryEmbedding: [Float],
        embedderName: String, source: ItemSource? = nil
    ) async throws -> Experience {
        let now = clock.now()
        let experienceID = Identifier.make(prefix: "x")
        let memoryItems = items.map { item in
            MemoryItem(
                title: item.title, description: item.description, content: item.content,
                provenance: Provenance(
                    experienceID: experienceID, runID: record.id, taskID: record.task.id, query: record.task.query,
                    verdict: outcome, source: source ?? Self.source(for: record.memoryMode), createdAt: now))
        }
        let experience = Experience(
            id: experienceID, taskID: record.task.id, query: record.task.query, queryEmbedding: queryEmbedding,
            embeddingModel: embedderName, outcome: outcome, runID: record.id, memoryMode: record.memoryMode,
            items: memoryItems, createdAt: now, trajectoryText: record.trajectory.transcript)
        do {
            // Not interrupted by cancellation: once consolidation starts, it completes.
            try await Task { [store] in try await store.consolidate(experience) }.value
        } catch {
            throw LoopError.wrap(error, as: LoopError.store)
        }
        return experience
    }

    /// How items of each memory mode enter the bank.
    static func source(for mode: MemoryMode) -> ItemSource {
        switch mode {
        case .none, .reasoningbank: .extracted
        case .synapse: .exemplar
        case .awm: .workflow
        }
    }
}
