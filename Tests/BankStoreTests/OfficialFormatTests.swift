import Foundation
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Official JSONL format (google-research/reasoning-bank)")
struct OfficialFormatTests {
    @Test("records become experiences; item strings are parsed, unparsable ones kept; embeddings matched by id")
    func importMapsFields() async throws {
        let bank = try Bank.inMemory()
        let report = try bank.importOfficial(bankURL: Fixtures.officialBank, embeddingsURL: Fixtures.officialEmbeddings)
        #expect(report.format == .official)
        #expect(report.experiencesAdded == 5)
        #expect(report.itemsAdded == 7)
        #expect(report.unparsedItems == 1)
        #expect(report.embeddingsAdded == 5)
        #expect(report.experiencesWithEmbedding == 4)

        let experiences = try await bank.experiences()
        #expect(experiences.map(\.taskID) == ["21", "shopping_admin_48", "7", "8", "9"])
        #expect(experiences.map(\.outcome) == [.success, .failure, .failure, .success, .success])
        #expect(experiences.allSatisfy { $0.id.hasPrefix("x-") && $0.id.count == 14 })

        let first = experiences[0]
        #expect(first.items.map(\.title) == ["Use the reports section for sales rankings", "Set the period explicitly"])
        #expect(first.items[1].description == "Reports default to the current month.")
        #expect(first.items[0].provenance.source == .importedOfficial)
        #expect(first.items[0].provenance.taskID == "21")
        #expect(first.queryEmbedding == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
        #expect(first.embeddingModel == "official-embeddings")
        #expect(first.trajectoryText == "<think>I need the sales report.</think>\n<action>click('reports')</action>\n"
            + "<think>Sort by quantity.</think>\n<action>send_msg_to_user('Quest Lumaflex Band')</action>")

        let second = experiences[1]
        #expect(second.items[0].title == "(unparsed)")
        #expect(second.items[0].content.hasPrefix("I think the trajectory failed"))
        #expect(second.items[1].title == "Invoiced orders need a credit memo")
        #expect(second.queryEmbedding?[1] == -.greatestFiniteMagnitude)

        #expect(experiences[2].items.isEmpty)
        #expect(experiences[2].trajectoryText == "")
        #expect(experiences[3].items.map(\.title) == ["Edit stock on the product page", "Save before leaving"])
        #expect(experiences[3].queryEmbedding == nil)
        #expect(experiences[3].trajectoryText == nil)
        #expect(experiences[4].items.map(\.title) == ["Sort by date for newest"])
        #expect(experiences[4].queryEmbedding?.first == 0.5)

        let revisions = try bank.revisions(of: second.items[0].id)
        #expect(revisions[0].rawText == second.items[0].content)
    }

    @Test("import → export → import → export is byte-identical, and the export means the same JSON as the fixture")
    func roundTripIsLossless() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try Bank.inMemory()
        try first.importOfficial(bankURL: Fixtures.officialBank, embeddingsURL: Fixtures.officialEmbeddings)
        let bankB = scratch.file("b/shopping.jsonl"), embeddingsB = scratch.file("b/shopping_embeddings.jsonl")
        let exported = try first.exportOfficial(bankURL: bankB, embeddingsURL: embeddingsB)
        #expect(exported.experiences == 5)
        #expect(exported.embeddings == 5)

        let second = try Bank.inMemory()
        try second.importOfficial(bankURL: bankB, embeddingsURL: embeddingsB)
        let bankC = scratch.file("c/shopping.jsonl"), embeddingsC = scratch.file("c/shopping_embeddings.jsonl")
        try second.exportOfficial(bankURL: bankC, embeddingsURL: embeddingsC)

        #expect(try Fixtures.bytes(bankB) == Fixtures.bytes(bankC))
        #expect(try Fixtures.bytes(embeddingsB) == Fixtures.bytes(embeddingsC))
        for (source, exported) in [(Fixtures.officialBank, bankB), (Fixtures.officialEmbeddings, embeddingsB)] {
            let expected = try Fixtures.jsonLines(source)
            let actual = try Fixtures.jsonLines(exported)
            #expect(actual.count == expected.count)
            for (a, e) in zip(actual, expected) { #expect(Fixtures.sameJSON(a, e)) }
        }
        // One compact record per line, keys sorted; integer task ids stay integers.
        let exportedText = String(decoding: try Fixtures.bytes(bankB), as: UTF8.self)
        #expect(exportedText.hasPrefix("{\"action_list\":[\"click('reports')\","))
        #expect(exportedText.split(separator: "\n").first?.contains(",\"task_id\":21,\"template_id\":279,\"think_list\":[") == true)
        // Same experience ids either way: re-importing the export into the first bank finds them all.
        let message = errorText { try first.importOfficial(bankURL: bankB, embeddingsURL: nil) }
        #expect(message?.contains("already holds 5") == true)
    }

    @Test("edited items are rendered in the Markdown schema; untouched ones keep their original string")
    func editedItemsRender() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bank = try Bank.inMemory()
        try bank.importOfficial(bankURL: Fixtures.officialBank, embeddingsURL: nil)
        let before = scratch.file("before.jsonl")
        try bank.exportOfficial(bankURL: before, embeddingsURL: nil)
        let target = try #require(try bank.search("credit memo").first)
        try bank.edit(itemID: target.id, content: "Issue a credit memo instead of cancelling.")
        let split = try #require(try bank.search("Save before leaving").first)
        try bank.edit(itemID: split.id, description: "Unsaved edits vanish.")

        let file = scratch.file("out.jsonl")
        try bank.exportOfficial(bankURL: file, embeddingsURL: nil)
        let lines = try Fixtures.jsonLines(file)
        let original = try Fixtures.jsonLines(Fixtures.officialBank)
        let items = try #require(lines[1]["memory_items"] as? [String])
        #expect(items[0] == (original[1]["memory_items"] as? [String])?[0])
        #expect(items[1]
            == "# Memory Item 2\n## Title Invoiced orders need a credit memo\n## Description When NOT to look for Cancel: "
                + "after an invoice exists.\n## Content Issue a credit memo instead of cancelling.")
        // One string that held two items is written as two rendered items once one of them changed.
        let stock = try #require(lines[3]["memory_items"] as? [String])
        #expect(stock.count == 2)
        #expect(stock[1].contains("## Description Unsaved edits vanish."))
        #expect(lines[4]["memory_items"] as? String == original[4]["memory_items"] as? String)
        #expect(lines[4]["memory_items"] is String)

        // Undoing the edits brings the original strings back.
        _ = try bank.undo()
        _ = try bank.undo()
        try bank.exportOfficial(bankURL: file, embeddingsURL: nil)
        #expect(try Fixtures.bytes(file) == Fixtures.bytes(before))
    }

    @Test("our own experiences export as official records and parse back")
    func exportsOwnExperiences() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bank = try Bank.inMemory()
        let own = Samples.experience()
        try await bank.consolidate(own)
        try await bank.record(Samples.run(steps: 2))
        var unjudged = Samples.experience(id: "x-0000000000bb", itemIDs: ["m-cccc00000001"], runID: nil, outcome: nil)
        unjudged.taskID = nil
        try await bank.consolidate(unjudged)

        let file = scratch.file("mine.jsonl"), embeddings = scratch.file("mine_embeddings.jsonl")
        let report = try bank.exportOfficial(bankURL: file, embeddingsURL: embeddings, embeddingModel: "hashing-256")
        #expect(report.notes.count == 1)
        let lines = try Fixtures.jsonLines(file)
        #expect(Set(lines[0].keys) == ["task_id", "query", "think_list", "action_list", "status", "memory_items", "template_id"])
        #expect(lines[0]["task_id"] as? String == "shop-1")
        #expect(lines[0]["status"] as? String == "success")
        #expect(lines[0]["think_list"] as? [String] == ["thought 1", "thought 2"])
        #expect(lines[0]["action_list"] as? [String] == ["click('1')", "click('2')"])
        #expect(lines[0]["template_id"] as? String == "cheapest")
        #expect((lines[0]["memory_items"] as? [String])?.first == own.items[0].fields.markdown(index: 1))
        #expect(lines[1]["task_id"] as? String == "x-0000000000bb")
        #expect(lines[1]["status"] as? String == "fail")
        // Without a run, think/action come from the trajectory text's tags.
        #expect(lines[1]["think_list"] as? [String] == ["look"])
        let embeddingLines = try Fixtures.jsonLines(embeddings)
        #expect(embeddingLines.count == 2)
        #expect(embeddingLines[0]["id"] as? String == "shop-1")
        #expect(embeddingLines[0]["text"] as? String == own.query)

        let back = try Bank.inMemory()
        try back.importOfficial(bankURL: file, embeddingsURL: embeddings)
        let experiences = try await back.experiences()
        #expect(experiences[0].items.map(\.fields) == own.items.map(\.fields))
        #expect(experiences[0].queryEmbedding == own.queryEmbedding)
    }

    @Test("importAuto recognises JSON Lines, finds <stem>_embeddings.jsonl, and refuses the embeddings file itself")
    func autoDetection() throws {
        let bank = try Bank.inMemory()
        let report = try bank.importAuto(url: Fixtures.officialBank)
        #expect(report.format == .official)
        #expect(report.embeddingsFile == Fixtures.officialEmbeddings.path)
        #expect(report.detection?.contains("official bank") == true)
        #expect(report.detection?.contains("shopping_embeddings.jsonl") == true)
        let message = errorText { try bank.importAuto(url: Fixtures.officialEmbeddings) }
        #expect(message?.contains("shopping.jsonl") == true)
        #expect(try bank.stats().imports == 1)
    }

    @Test("a memories_<mode> folder sets the memory mode")
    func memoryModeFromFolder() {
        #expect(OfficialFormat.memoryMode(for: URL(fileURLWithPath: "/x/memories_none/shopping.jsonl")) == MemoryMode.none)
        #expect(OfficialFormat.memoryMode(for: URL(fileURLWithPath: "/x/memories_reasoningbank/a.jsonl")) == .reasoningbank)
        #expect(OfficialFormat.memoryMode(for: URL(fileURLWithPath: "/x/data/a.jsonl")) == .reasoningbank)
    }
}
