import Foundation
import GRDB
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

    /// A bank of six short experiences, `x-0` to `x-5` with tasks `t0` to `t5` (none for `untasked`).
    static func sixExperienceBank(embedder: WordEmbedder, untasked: Int? = nil) async throws -> Bank {
        let bank = try Bank.inMemory()
        let queries = ["count the letters in a word", "reverse a word", "days between two dates", "add jeans to the cart",
                       "count the letters in a name", "cheapest pen in the shop"]
        for (number, query) in queries.enumerated() {
            try await bank.consolidate(
                try await experience(number, query: query, task: number == untasked ? nil : "t\(number)", embedder: embedder))
        }
        return bank
    }

    @Test("retrieval from the bank equals retrieval from experiences(); the cache follows every change")
    func indexFollowsTheBank() async throws {
        let embedder = WordEmbedder(dimension: 256)
        let bank = try await Self.sixExperienceBank(embedder: embedder, untasked: 4)
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

    /// The stored codes, by key.
    static func codes(_ bank: Bank) throws -> [Int64: Data?] {
        try bank.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT experience_pk, code FROM query_code").map {
                ($0[0] as Int64, $0[1] as Data?)
            })
        }
    }

    @Test("every write codes its new vectors before it commits, and the index is read from the codes alone")
    func codesFollowWrites() async throws {
        let embedder = WordEmbedder(dimension: 64)
        let bank = try Bank.inMemory()
        for number in 0..<5 {
            try await bank.consolidate(try await Self.experience(number, query: "query number \(number) about words", task: "t\(number)", embedder: embedder))
        }
        var codes = try Self.codes(bank)
        #expect(codes.count == 5 && codes.values.allSatisfy { $0?.count == QueryCode.byteCount(dimension: 64) })
        let vector = try await embedder.embed(["days between dates"])[0]
        let pk = try #require(try await bank.writer.read { db in try Int64.fetchOne(db, sql: "SELECT pk FROM experience WHERE id = 'x-1'") })
        #expect(codes[pk] == QueryCode.encode(vectorBytes: EmbeddingVector.encodeFloats(try await embedder.embed(["query number 1 about words"])[0])))
        try bank.setQueryEmbedding(experienceID: "x-1", vector: vector, model: embedder.name)
        codes = try Self.codes(bank)
        #expect(codes[pk] == QueryCode.encode(vectorBytes: EmbeddingVector.encodeFloats(vector)))
        let index = try await bank.queryIndex(for: embedder)
        #expect(!index.matrix.holdsExactRows && index.heldVectors.isEmpty && index.count == 5)
        // Retraction removes the code with the vector.
        try await bank.writer.write { db in try db.execute(sql: "UPDATE experience SET retracted_at = 1 WHERE id = 'x-2'") }
        #expect(try Self.codes(bank).count == 4)
    }

    @Test("codes missing or damaged (another program wrote the bank) are made again from the vectors; ranking stays exact")
    func damagedCodes() async throws {
        let embedder = WordEmbedder(dimension: 64)
        let bank = try await Self.sixExperienceBank(embedder: embedder)
        var settings = RetrievalSettings()
        settings.topK = 3
        let retriever = Retriever(settings: settings, embedder: embedder)
        let before = try await retriever.retrieve(query: "count the letters in this word", taskID: "zz", from: bank)
        try await bank.writer.write { db in
            try db.execute(sql: "UPDATE query_code SET code = NULL WHERE experience_pk = 1")
            try db.execute(sql: "UPDATE query_code SET code = x'0102' WHERE experience_pk = 5")
            try db.execute(sql: "UPDATE query_code SET code = NULL, model = 'gone' WHERE experience_pk = 2")
            try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'retrieval_generation'")
        }
        let index = try await bank.queryIndex(for: embedder)
        #expect(index.count == 6)
        let after = try await retriever.retrieve(query: "count the letters in this word", taskID: "zz", from: bank)
        #expect(after.hits.map(\.experienceID) == before.hits.map(\.experienceID))
        #expect(after.hits.map(\.score) == before.hits.map(\.score))
        // The next write codes what was left uncoded.
        try await bank.consolidate(try await Self.experience(6, query: "one more", task: "t6", embedder: embedder))
        #expect(try Self.codes(bank).values.allSatisfy { $0 != nil })
    }

    @Test("v7 codes the vectors a bank already holds")
    func migrationCodesExistingVectors() async throws {
        let embedder = WordEmbedder(dimension: 64)
        let bank = try Bank.inMemory()
        for number in 0..<4 {
            try await bank.consolidate(try await Self.experience(number, query: "query \(number)", task: nil, embedder: embedder))
        }
        let expected = try Self.codes(bank)
        try await bank.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER query_code_on_insert; DROP TRIGGER query_code_on_update; DROP TRIGGER query_code_on_delete;
                DROP TABLE query_code; DELETE FROM grdb_migrations WHERE identifier = 'v7';
                """)
        }
        try BankSchema.migrator.migrate(bank.writer)
        #expect(try Self.codes(bank) == expected)
    }

    @Test("retrieval from a bank larger than the exact-scan limit equals retrieval from its list")
    func largeBankMatchesList() async throws {
        let embedder = WordEmbedder(dimension: 96)
        let bank = try Bank.inMemory()
        let words = ["count", "letters", "word", "reverse", "days", "dates", "jeans", "cart", "pen", "price", "shop", "name"]
        var experiences: [Experience] = []
        for number in 0..<4500 {
            let query = (0..<4).map { words[(number / [1, 3, 7, 11][$0] + $0) % words.count] }.joined(separator: " ")
            experiences.append(try await Self.experience(number, query: query, task: "t\(number % 300)", embedder: embedder))
        }
        try await bank.consolidate(contentsOf: experiences)
        var settings = RetrievalSettings()
        settings.topK = 5
        let retriever = Retriever(settings: settings, embedder: embedder)
        let list = try await bank.experiences()
        for (query, task) in [("count the letters in this word", "t3"), ("price of a pen in the shop", "t299"), ("reverse dates", "none")] {
            let fromBank = try await retriever.retrieve(query: query, taskID: task, from: bank)
            let fromList = try await retriever.retrieve(query: query, taskID: task, from: list)
            #expect(fromBank.hits.map(\.experienceID) == fromList.hits.map(\.experienceID))
            for (a, b) in zip(fromBank.hits, fromList.hits) { #expect(abs(a.score - b.score) < 1e-5) }
        }
    }
}
