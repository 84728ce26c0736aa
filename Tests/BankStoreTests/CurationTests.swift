import Foundation
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Curation")
struct CurationTests {
    private func bankWithSample() async throws -> Bank {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        return bank
    }

    @Test("edits write revisions; undo writes the earlier text as a new revision; history keeps everything")
    func editAndUndoKeepHistory() async throws {
        let bank = try await bankWithSample()
        let original = try #require(try bank.item(id: "m-aaaa11112222"))

        let edited = try bank.edit(itemID: "aaaa1111", title: "  Sort first  ", note: "clearer")
        #expect(edited.title == "Sort first")
        #expect(edited.revision == 2)
        #expect(edited.content == original.content)
        let again = try bank.edit(itemID: "m-aaaa11112222", content: "Always sort by price.")
        #expect(again.revision == 3)

        let first = try #require(try bank.undo())
        #expect(first.undone.operation == .edit)
        #expect(first.itemIDs == ["m-aaaa11112222"])
        var current = try #require(try bank.item(id: "m-aaaa11112222"))
        #expect(current.revision == 4)
        #expect(current.title == "Sort first")
        #expect(current.content == original.content)

        _ = try #require(try bank.undo())
        current = try #require(try bank.item(id: "m-aaaa11112222"))
        #expect(current.revision == 5)
        #expect(current.fields == original.fields)

        let history = try bank.revisions(of: "m-aaaa11112222")
        #expect(history.map(\.revision) == [1, 2, 3, 4, 5])
        #expect(history.map(\.isCurrent) == [false, false, false, false, true])
        #expect(history[1].note == "clearer")
        #expect(history[2].content == "Always sort by price.")
        #expect(history[3].note == "undo: back to revision 2")
        #expect(history[4].fields == history[0].fields)
        #expect(try bank.undo() == nil)
        #expect(try bank.changes().map(\.operation) == [.edit, .edit])
        #expect(try bank.changes().allSatisfy { $0.undoneAt != nil })

        // A later edit continues after the highest revision.
        #expect(try bank.edit(itemID: "aaaa1111", description: "new").revision == 6)
    }

    @Test("edits that change nothing or empty a required field are refused")
    func invalidEdits() async throws {
        let bank = try await bankWithSample()
        let item = try #require(try bank.item(id: "aaaa1111"))
        #expect(throws: BankError.self) { try bank.edit(itemID: item.id, title: item.title) }
        #expect(throws: BankError.invalidEdit("the title must not be empty")) { try bank.edit(itemID: item.id, title: "  ") }
        #expect(throws: BankError.invalidEdit("the content must not be empty")) { try bank.edit(itemID: item.id, content: "") }
        #expect(try bank.revisions(of: item.id).count == 1)
        #expect(try bank.changes().isEmpty)
    }

    @Test("archive hides an item from listings but not from experiences(); undo and restore bring it back")
    func archiveRestoreUndo() async throws {
        let bank = try await bankWithSample()
        try bank.archive(itemID: "aaaa1111")
        #expect(try bank.items().map(\.id) == ["m-aaaa33334444"])
        #expect(try bank.items(includeArchived: true).count == 2)
        let experience = try #require(try await bank.experiences().first)
        #expect(experience.items.map(\.isArchived) == [true, false])
        #expect(experience.activeItems.map(\.id) == ["m-aaaa33334444"])
        #expect(throws: BankError.noChange("m-aaaa11112222 is already archived")) { try bank.archive(itemID: "aaaa1111") }

        let undone = try #require(try bank.undo())
        #expect(undone.undone.operation == .archive)
        #expect(try bank.items().count == 2)

        try bank.archive(itemID: "aaaa1111")
        try bank.restore(itemID: "aaaa1111")
        #expect(try bank.items().count == 2)
        #expect(throws: BankError.self) { try bank.restore(itemID: "aaaa1111") }
        _ = try bank.undo()  // undo restore → archived again
        #expect(try bank.item(id: "aaaa1111")?.isArchived == true)
    }

    @Test("pinned items come first; undo unpins")
    func pinning() async throws {
        let bank = try await bankWithSample()
        #expect(try bank.items().map(\.id) == ["m-aaaa11112222", "m-aaaa33334444"])
        let pinned = try bank.setPinned(itemID: "aaaa3333", true)
        #expect(pinned.isPinned)
        #expect(try bank.items().map(\.id) == ["m-aaaa33334444", "m-aaaa11112222"])
        #expect(throws: BankError.self) { try bank.setPinned(itemID: "aaaa3333", true) }
        #expect(try bank.undo()?.undone.operation == .pin)
        #expect(try bank.item(id: "aaaa3333")?.isPinned == false)
    }

    @Test("ids resolve from a unique prefix, with or without the m- / x- / r- prefix")
    func prefixResolution() async throws {
        let bank = try await bankWithSample()
        try await bank.consolidate(Samples.experience(id: "x-b00000000002", itemIDs: ["m-bbbb55556666"]))
        #expect(try bank.resolveItemID("bbbb") == "m-bbbb55556666")
        #expect(try bank.resolveItemID("m-bbbb5") == "m-bbbb55556666")
        #expect(try bank.resolveItemID("m-aaaa11112222") == "m-aaaa11112222")
        let ambiguous = #expect(throws: BankError.self) { try bank.resolveItemID("aaaa") }
        #expect(ambiguous == .ambiguousID(prefix: "aaaa", kind: "memory item", matches: ["m-aaaa11112222", "m-aaaa33334444"]))
        #expect(ambiguous?.description.contains("type more characters") == true)
        #expect(throws: BankError.itemNotFound("zzzz")) { try bank.resolveItemID("zzzz") }
        #expect(throws: BankError.itemNotFound("AAAA1111")) { try bank.resolveItemID("AAAA1111") }
        #expect(try bank.item(id: "zzzz") == nil)
        #expect(try bank.resolveExperienceID("b0") == "x-b00000000002")
        #expect(try bank.resolveExperienceID("x-000000000001") == "x-000000000001")
        #expect(throws: BankError.self) { try bank.resolveExperienceID("x-") }
        #expect(throws: BankError.self) { try bank.experience(id: "x-") }
        #expect(try bank.experience(id: "x-b000")?.items.map(\.id) == ["m-bbbb55556666"])
        #expect(try bank.experience(containingItem: "bbbb")?.id == "x-b00000000002")
        #expect(try bank.experience(id: "nope") == nil)
        #expect(try bank.run(id: "r-nope") == nil)
        #expect(throws: BankError.runNotFound("r-nope")) { try bank.resolveRunID("r-nope") }
        #expect(throws: BankError.itemNotFound("")) { try bank.resolveItemID("") }
    }

    @Test("search needs every word, ignores case, and skips archived items unless asked")
    func search() async throws {
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil)
        #expect(try bank.search("SORT price").map(\.title) == ["Sort before scanning listings"])
        #expect(try bank.search("hauptstraße").map(\.title) == ["Unicode addresses — type them verbatim"])
        #expect(try bank.search("ÄNDERE").isEmpty)
        #expect(try bank.search("verify cart quantity").map(\.title) == ["Verify the cart after adding"])
        #expect(try bank.search("sort zebra").isEmpty)
        #expect(try bank.search("").count == 9)
        let hit = try #require(try bank.search("paginate").first)
        try bank.archive(itemID: hit.id)
        #expect(try bank.search("paginate").isEmpty)
        #expect(try bank.search("paginate", includeArchived: true).map(\.id) == [hit.id])
        // Search sees the current revision only.
        try bank.edit(itemID: hit.id, title: "Walk every page")
        #expect(try bank.search("walk every", includeArchived: true).count == 1)
        #expect(try bank.search("paginate end", includeArchived: true).isEmpty)
    }

    @Test("manual items: added to an experience or a new one; undo archives and retracts")
    func addItem() async throws {
        let bank = try await bankWithSample()
        let joined = try bank.addItem(
            ExtractedItem(title: "Check stock", description: "", content: "Look at the stock badge."),
            toExperience: "x-000000000001")
        #expect(joined.provenance.source == .manual)
        #expect(joined.provenance.experienceID == "x-000000000001")
        #expect(joined.provenance.taskID == "shop-1")
        #expect(try await bank.experiences().first?.items.last?.id == joined.id)

        let alone = try bank.addItem(
            ExtractedItem(title: "Own lesson", description: "d", content: "c"), query: "a manual query", taskID: "t-9")
        let experience = try #require(try bank.experience(containingItem: alone.id))
        #expect(experience.query == "a manual query")
        #expect(experience.queryEmbedding == nil)
        #expect(try await bank.experiences().count == 2)

        let undone = try #require(try bank.undo())
        #expect(undone.undone.operation == .add)
        #expect(try await bank.experiences().count == 1)
        #expect(try bank.item(id: alone.id)?.isArchived == true)
        _ = try bank.undo()
        #expect(try bank.item(id: joined.id)?.isArchived == true)
        #expect(try await bank.experiences().count == 1)
        #expect(throws: BankError.invalidEdit("the title must not be empty")) {
            try bank.addItem(ExtractedItem(title: "", description: "", content: "x"))
        }
    }

    @Test("undoing an import archives its items and retracts its experiences; it can then be imported again")
    func undoImport() async throws {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        let report = try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        #expect(report.experiencesAdded == 5)
        #expect(try await bank.experiences().count == 6)

        let undone = try #require(try bank.undo())
        #expect(undone.undone.operation == .import)
        #expect(undone.undone.importID == report.importID)
        #expect(undone.itemIDs.count == 9)
        #expect(try await bank.experiences().map(\.id) == ["x-000000000001"])
        #expect(try bank.items().count == 2)
        #expect(try bank.items(includeArchived: true).count == 11)
        var stats = try bank.stats()
        #expect(stats.retractedExperiences == 5)
        #expect(stats.undoneImports == 1)

        // The ids are free again; the old rows stay in the history.
        let again = try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil)
        #expect(again.experiencesAdded == 5)
        #expect(try await bank.experiences().count == 6)
        stats = try bank.stats()
        #expect(stats.activeItems == 11)
        #expect(stats.archivedItems == 9)
        #expect(try bank.experience(id: "3f2b8c1e")?.items.allSatisfy { !$0.isArchived } == true)

        // An archived item of the undone import cannot come back while its experience is live again.
        let oldItem = try #require(undone.itemIDs.first)
        let message = errorText { try bank.restore(itemID: oldItem) }
        #expect(message?.contains("undone import") == true)
    }

    @Test("restoring an item of an undone import brings its experience back")
    func restoreUnretracts() async throws {
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil)
        let undone = try #require(try bank.undo())
        try bank.restore(itemID: undone.itemIDs[0])
        #expect(try await bank.experiences().map(\.id) == ["3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b"])
        #expect(try await bank.experiences()[0].activeItems.count == 1)
        _ = try bank.undo()
        #expect(try await bank.experiences().isEmpty)
    }

    @Test("stats count experiences, items by state, source and verdict, runs, embeddings and changes")
    func stats() async throws {
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        try bank.importOfficial(bankURL: Fixtures.officialBank, embeddingsURL: Fixtures.officialEmbeddings)
        try await bank.consolidate(Samples.experience())
        try await bank.record(Samples.run())
        try bank.archive(itemID: "aaaa1111")
        try bank.setPinned(itemID: "aaaa3333", true)

        let stats = try bank.stats()
        #expect(stats.experiences == 11)
        #expect(stats.retractedExperiences == 0)
        #expect(stats.activeItems == 9 + 7 + 1)
        #expect(stats.archivedItems == 1)
        #expect(stats.pinnedItems == 1)
        #expect(stats.itemsBySource == ["imported-seed-json": 9, "imported-official-jsonl": 7, "extracted": 1])
        #expect(stats.itemsByVerdict == ["success": 4 + 5 + 1, "failure": 5 + 2])
        #expect(stats.embeddingModels == ["seed-embeddings": 3, "none": 3, "official-embeddings": 4, "hashing-256": 1])
        #expect(stats.cachedEmbeddings == ["seed-embeddings": 6, "official-embeddings": 5])
        #expect(stats.runsByStatus == ["success": 1])
        #expect(stats.runs == 1)
        #expect(stats.imports == 2)
        #expect(stats.changes == 4)
        #expect(stats.undoneChanges == 0)
    }
}
