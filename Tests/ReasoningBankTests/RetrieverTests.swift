import Foundation
import ReasoningBank
import TestSupport
import Testing

private func experience(_ id: String, task: String, query: String, items: Int = 2, archived: Bool = false) -> Experience {
    let now = Date(timeIntervalSince1970: 0)
    return Experience(
        id: id, taskID: task, query: query, queryEmbedding: nil, embeddingModel: nil, outcome: .success, runID: nil,
        memoryMode: .reasoningbank,
        items: (0..<items).map { index in
            MemoryItem(
                id: "\(id)-m\(index)", title: "\(query) \(index)", description: "d", content: "c", isArchived: archived,
                provenance: Provenance(source: .manual, createdAt: now))
        },
        createdAt: now)
}

@Suite struct RetrieverTests {
    let bank = [
        experience("x1", task: "a", query: "count the letters in a word"),
        experience("x2", task: "b", query: "reverse the letters of a word"),
        experience("x3", task: "c", query: "days between two dates"),
        experience("x4", task: "d", query: "count the letters in a word", archived: true),
    ]

    @Test("top-1 by query embedding injects every item of that experience; stale embeddings are redone")
    func topOne() async throws {
        let result = try await Retriever(settings: RetrievalSettings(), embedder: WordEmbedder(dimension: 4096))
            .retrieve(query: "count the letters in this word", taskID: "z", from: bank)
        #expect(result.hits.map(\.experienceID) == ["x1"])
        #expect(result.items.map(\.id) == ["x1-m0", "x1-m1"])
    }

    @Test("top-k, floor and item-text keying")
    func knobs() async throws {
        var settings = RetrievalSettings()
        settings.topK = 3
        settings.similarityFloor = 0.3
        let result = try await Retriever(settings: settings, embedder: WordEmbedder(dimension: 4096))
            .retrieve(query: "count the letters in this word", taskID: "z", from: bank)
        #expect(result.hits.map(\.experienceID) == ["x1", "x2"])
        #expect(result.hits.allSatisfy { $0.score >= 0.3 })
        settings.key = .itemText
        settings.topK = 1
        settings.similarityFloor = nil
        let byItem = try await Retriever(settings: settings, embedder: WordEmbedder(dimension: 4096))
            .retrieve(query: "days between two dates", taskID: "z", from: bank)
        #expect(byItem.items.count == 1)
        #expect(byItem.hits[0].experienceID == "x3")
    }

    @Test("the leakage guard excludes the same task, and archived items are never retrieved")
    func guardAndArchive() async throws {
        let result = try await Retriever(settings: RetrievalSettings(), embedder: WordEmbedder(dimension: 4096))
            .retrieve(query: "count the letters in a word", taskID: "a", from: bank)
        #expect(result.excludedByLeakageGuard == ["x1"])
        #expect(!result.hits.contains { $0.experienceID == "x1" || $0.experienceID == "x4" })
    }
}
