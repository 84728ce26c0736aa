import Foundation
import ReasoningBank
import TestSupport
import Testing
@testable import BankStore

/// The bank's query index: built from `query_vector`, kept up to date, and retrieving as the full list does.
@Suite("Bank query index")
struct QueryIndexTests {
    static func experience(_ number: Int, query: String, task: String?, embedder: WordEmbedder) async throws -> Experience {
        let now = Date(timeIntervalSince1970: Double(number))
        return Experience(
            id: "x-\(number)", taskID: task, query: query, queryEmbedding: try await embedder.embed([query])[0],
            embeddingModel: embedder.name, outcome: .success, runID: nil, memoryMode: .reasoningbank,
            items: [MemoryItem(id: "m-\(number)", title: query, description: "d", content: "c",
                               provenance: Provenance(source: .extracted, createdAt: now))],
            createdAt: now)
    }

    @Test("retrieval from the bank equals retrieval from experiences(); the cache follows every change")
    func indexFollowsTheBank() async throws {
        let embedder = WordEmbedder(dimension: 256)
        let bank = try Bank.inMemory()
        let queries = ["count the letters in a word", "reverse a word", "days between two dates", "add jeans to the cart",
                       "count the letters in a name", "cheapest pen in the shop"]
        for (number, query) in queries.enumerated() {
            try await bank.consolidate(try await Self.experience(number, query: query, task: number == 4 ? nil : "t\(number)", embedder: embedder))
        }
        var settings = RetrievalSettings()
        settings.topK = 2
        let retriever = Retriever(settings: settings, embedder: embedder)
        func check(_ query: String, task: String?) async throws {
            let fromBank = try await retriever.retrieve(query: query, taskID: task, from: bank)
            let fromList = try await retriever.retrieve(query: query, taskID: task, from: try await bank.experiences())
            #expect(fromBank.hits.map(\.experienceID) == fromList.hits.map(\.experienceID))
            #expect(fromBank.items.map(\.id) == fromList.items.map(\.id))
            #expect(fromBank.excludedByLeakageGuard == fromList.excludedByLeakageGuard)
        }
        try await check("count the letters in this word", task: "t0")
        #expect(try await bank.queryIndex(for: embedder).count == 6)
        // A consolidation extends the cached index; a changed embedding or an archive is seen at once.
        try await bank.consolidate(try await Self.experience(6, query: "count the letters twice", task: "t6", embedder: embedder))
        #expect(try await bank.queryIndex(for: embedder).count == 7)
        try await check("count the letters in this word", task: "t0")
        try bank.setQueryEmbedding(experienceID: "x-1", vector: try await embedder.embed(["count the letters in this word"])[0], model: embedder.name)
        #expect(try await retriever.retrieve(query: "count the letters in this word", taskID: "t0", from: bank).hits.first?.experienceID == "x-1")
        try await check("count the letters in this word", task: "t0")
        _ = try bank.archive(itemID: "m-1")
        try await check("count the letters in this word", task: "t0")
        // Another embedder's index embeds every query itself.
        let other = WordEmbedder(dimension: 128, name: "other")
        let otherRetriever = Retriever(settings: settings, embedder: other)
        let fromBank = try await otherRetriever.retrieve(query: "reverse a word", taskID: "zz", from: bank)
        let fromList = try await otherRetriever.retrieve(query: "reverse a word", taskID: "zz", from: try await bank.experiences())
        #expect(fromBank.hits.map(\.experienceID) == fromList.hits.map(\.experienceID))
        #expect(try await bank.sameTaskExperienceIDs(taskID: nil, query: "count the letters in a name") == ["x-4"])
    }
}
