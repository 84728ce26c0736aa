import Foundation
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Seed format (budprat/ReasoningBank)")
struct SeedFormatTests {
    @Test("an entry becomes an experience with provenance, extras and the query embedding")
    func importMapsFields() async throws {
        let bank = try Bank.inMemory()
        let report = try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        #expect(report.format == .seed)
        #expect(report.experiencesAdded == 5)
        #expect(report.itemsAdded == 9)
        #expect(report.embeddingsAdded == 6)
        #expect(report.experiencesWithEmbedding == 3)
        #expect(report.summary.hasPrefix("Imported 5 experiences, 9 items and 6 embeddings"))

        let experiences = try await bank.experiences()
        #expect(experiences.map(\.id) == [
            "3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b", "a7c9e2d4-1b3f-4a5c-8e7d-9f0a1b2c3d4e",
            "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e",
            "c0ffee00-0000-4000-8000-000000000005",
        ])
        let first = experiences[0]
        #expect(first.query == "What is the price of the cheapest wireless mouse in the Electronics category?")
        #expect(first.outcome == .success)
        #expect(first.taskID == "shop-017")
        #expect(first.createdAt.timeIntervalSince1970 == 1729353600.123456)
        #expect(first.memoryMode == .reasoningbank)
        #expect(first.embeddingModel == "seed-embeddings")
        #expect(first.queryEmbedding == [0.1, -0.25, 0.5, 1, -.greatestFiniteMagnitude, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 0])
        #expect(first.trajectoryText?.hasPrefix("<think>I should open") == true)
        #expect(first.items.map(\.title) == ["Sort before scanning listings", "Confirm the item type"])
        let item = first.items[0]
        #expect(item.provenance.source == .importedSeed)
        #expect(item.provenance.verdict == .success)
        #expect(item.provenance.taskID == "shop-017")
        #expect(item.provenance.query == first.query)
        #expect(item.provenance.createdAt.timeIntervalSince1970 == 1729353612.875431)

        let second = experiences[1]
        #expect(second.outcome == .failure)
        #expect(second.query.hasSuffix("🚚"))
        #expect(second.queryEmbedding?.first == Float(0.12345678901234568))
        #expect(second.items[1].provenance.verdict == .failure)
        #expect(second.items[1].provenance.taskID == nil)
        #expect(second.items[1].provenance.createdAt == second.createdAt)

        #expect(experiences[3].taskID == nil)
        #expect(experiences[3].queryEmbedding == nil)
        #expect(experiences[4].items.isEmpty)
        #expect(experiences[4].createdAt.timeIntervalSince1970 == 1.5e9)
    }

    @Test("import → export → import → export is byte-identical, and the export means the same JSON as the fixture")
    func roundTripIsLossless() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try Bank.inMemory()
        try first.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        let bankB = scratch.file("b/memory_bank.json"), embeddingsB = scratch.file("b/embeddings.json")
        let exported = try first.exportSeed(bankURL: bankB, embeddingsURL: embeddingsB)
        #expect(exported.experiences == 5)
        #expect(exported.items == 9)
        #expect(exported.embeddings == 6)

        let second = try Bank.inMemory()
        try second.importSeed(bankURL: bankB, embeddingsURL: embeddingsB)
        let bankC = scratch.file("c/memory_bank.json"), embeddingsC = scratch.file("c/embeddings.json")
        try second.exportSeed(bankURL: bankC, embeddingsURL: embeddingsC)

        #expect(try Fixtures.bytes(bankB) == Fixtures.bytes(bankC))
        #expect(try Fixtures.bytes(embeddingsB) == Fixtures.bytes(embeddingsC))
        #expect(try Fixtures.sameJSON(Fixtures.json(bankB), Fixtures.json(Fixtures.seedBank)))
        #expect(try Fixtures.sameJSON(Fixtures.json(embeddingsB), Fixtures.json(Fixtures.seedEmbeddings)))
        #expect(try Fixtures.foundationJSON(bankB) == Fixtures.foundationJSON(Fixtures.seedBank))
        #expect(try Fixtures.foundationJSON(embeddingsB) == Fixtures.foundationJSON(Fixtures.seedEmbeddings))
        // Keys are sorted; integers stay integers, timestamps keep every digit.
        let text = String(decoding: try Fixtures.bytes(bankB), as: UTF8.self)
        #expect(text.hasPrefix("[\n  {\n    \"final_state\" : \"Electronics › Mice, sorted by price (ascending)\",\n    \"id\" : "))
        #expect(text.contains("\"steps_taken\" : 3,\n"))
        #expect(text.contains("\"timestamp\" : 1729353600.123456,\n"))
    }

    @Test("edits, archives and our own experiences export with sensible values and re-import")
    func exportsCurationAndOwnRuns() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil)
        let hit = try #require(try bank.search("paginate").first)
        try bank.edit(itemID: hit.id, title: "Walk every page")
        let archived = try #require(try bank.search("sorted lists").first)
        try bank.archive(itemID: archived.id)
        let own = Samples.experience(id: "x-0000000000aa")
        try await bank.consolidate(own)
        try await bank.record(Samples.run())

        let file = scratch.file("memory_bank.json")
        let report = try bank.exportSeed(bankURL: file, embeddingsURL: nil)
        #expect(report.items == 9 - 1 + 2)
        let entries = try #require(try Fixtures.json(file) as? [[String: Any]])
        #expect(entries.count == 6)
        #expect((entries[2]["memory_items"] as? [[String: Any]])?[1]["title"] as? String == "Walk every page")
        #expect((entries[0]["memory_items"] as? [Any])?.count == 1)

        let mine = entries[5]
        #expect(mine["id"] as? String == "x-0000000000aa")
        #expect(mine["task_query"] as? String == own.query)
        #expect(mine["success"].flatMap(JSONText.bool) == true)
        #expect(mine["timestamp"].flatMap(JSONText.double) == own.createdAt.timeIntervalSince1970)
        #expect(mine["final_state"] as? String == "Electronics › Mice")
        #expect(mine["model_output"] as? String == "$8.99")
        #expect(mine["steps_taken"].map(JSONText.isInteger) == true)
        #expect(mine["steps_taken"].flatMap(JSONText.double) == 3)
        let item = try #require((mine["memory_items"] as? [[String: Any]])?.first)
        #expect(item["source_task_id"] as? String == "shop-1")
        #expect(item["success_signal"].flatMap(JSONText.bool) == true)
        #expect(
            item["extraction_timestamp"].flatMap(JSONText.double) == own.items[0].provenance.createdAt.timeIntervalSince1970)

        let reimported = try Bank.inMemory()
        try reimported.importSeed(bankURL: file, embeddingsURL: nil)
        let back = try #require(try reimported.experience(id: "x-0000000000aa"))
        #expect(back.items.map(\.fields) == own.items.map(\.fields))
        #expect(back.taskID == "shop-1")
        #expect(back.createdAt == own.createdAt)
    }

    @Test("experiences embedded by the chosen model export their query vectors")
    func exportsQueryEmbeddingsOfAModel() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        let embeddings = scratch.file("embeddings.json")
        try bank.exportSeed(bankURL: scratch.file("memory_bank.json"), embeddingsURL: embeddings, embeddingModel: "hashing-256")
        let object = try #require(try Fixtures.json(embeddings) as? [String: Any])
        #expect(Array(object.keys) == ["find the cheapest mouse ✓"])
        // Each Float is written as its shortest decimal (3.1415925, not 3.1415925025939941).
        let text = String(decoding: try Fixtures.bytes(embeddings), as: UTF8.self)
        #expect(text.contains("[\n    0.1,\n    -3.4028235e+38,\n    1e-45,\n    3.1415925,\n    0,\n    -0.5\n  ]"))
        // The default model has nothing from this bank.
        try bank.exportSeed(bankURL: scratch.file("memory_bank.json"), embeddingsURL: embeddings)
        #expect((try Fixtures.json(embeddings) as? [String: Any])?.isEmpty == true)
    }

    @Test("an experience id the bank holds is refused, or skipped when asked; a dry run writes nothing")
    func duplicatesAndDryRun() throws {
        let bank = try Bank.inMemory()
        let dry = try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings, dryRun: true)
        #expect(dry.dryRun)
        #expect(dry.experiencesAdded == 5)
        #expect(dry.importID == nil)
        #expect(try bank.stats().experiences == 0)
        #expect(try bank.stats().cachedEmbeddings.isEmpty)

        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        let counts = try bank.rowCounts()
        let message = errorText { try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil) }
        #expect(message?.contains(Fixtures.seedBank.path) == true)
        #expect(message?.contains("already holds 5 of its experiences") == true)
        #expect(try bank.rowCounts() == counts)

        let skipped = try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil, onDuplicate: .skip)
        #expect(skipped.experiencesAdded == 0)
        #expect(skipped.skippedExperienceIDs.count == 5)
        #expect(try bank.stats().experiences == 5)
    }

    @Test("importAuto recognises a seed bank and picks up embeddings.json beside it")
    func autoDetection() throws {
        let bank = try Bank.inMemory()
        let report = try bank.importAuto(url: Fixtures.seedBank)
        #expect(report.format == .seed)
        #expect(report.embeddingsFile == Fixtures.seedEmbeddings.path)
        #expect(report.detection?.contains("seed bank") == true)
        #expect(report.detection?.contains("Found embeddings.json") == true)
        #expect(report.experiencesWithEmbedding == 3)

        let message = errorText { _ = try Bank.detectImport(url: Fixtures.seedEmbeddings) }
        #expect(message?.contains("memory_bank.json") == true)
    }
}
