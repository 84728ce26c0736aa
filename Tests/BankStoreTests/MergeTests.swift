import Foundation
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Merging items")
struct MergeTests {
    private func bank() async throws -> (Bank, [MemoryItem]) {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        return (bank, try bank.items())
    }

    @Test("merge makes one new item from the sources, archives them, and keeps the first one's provenance")
    func merge() async throws {
        let (bank, items) = try await bank()
        try #require(items.count >= 2)
        let merged = try bank.merge(itemIDs: [items[0].id, items[1].id])
        #expect(merged.title == items[0].title)
        #expect(merged.content.contains(items[0].content))
        #expect(merged.content.contains(items[1].content))
        #expect(merged.provenance.source == .manual)
        #expect(merged.provenance.experienceID == items[0].provenance.experienceID)
        #expect(merged.provenance.taskID == items[0].provenance.taskID)
        let live = try bank.items().map(\.id)
        #expect(live.contains(merged.id))
        #expect(!live.contains(items[0].id) && !live.contains(items[1].id))
        let note = try bank.revisions(of: merged.id).first?.note
        #expect(note?.contains(items[0].id) == true)
        #expect(try bank.changes().last?.operation == .merge)
    }

    @Test("undo of a merge archives the merged item and restores its sources")
    func undo() async throws {
        let (bank, items) = try await bank()
        let merged = try bank.merge(
            itemIDs: [items[0].id, items[1].id], fields: ExtractedItem(title: "Both", description: "d", content: "c"))
        #expect(merged.title == "Both")
        let result = try #require(try bank.undo())
        #expect(result.undone.operation == .merge)
        let live = try bank.items().map(\.id)
        #expect(live.contains(items[0].id) && live.contains(items[1].id))
        #expect(!live.contains(merged.id))
    }

    @Test("merging fewer than two items, the same item twice, or an archived item is refused")
    func refusals() async throws {
        let (bank, items) = try await bank()
        #expect(throws: BankError.self) { try bank.merge(itemIDs: [items[0].id]) }
        #expect(throws: BankError.self) { try bank.merge(itemIDs: [items[0].id, items[0].id]) }
        try bank.archive(itemID: items[1].id)
        #expect(throws: BankError.self) { try bank.merge(itemIDs: [items[0].id, items[1].id]) }
        #expect(throws: BankError.self) { try bank.merge(itemIDs: [items[0].id, "m-nothere"]) }
    }

    @Test("the change log survives reopening (and the v4 rebuild), and merges append to it")
    func migration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bank.sqlite").path
        let bank = try Bank(path: path)
        try await bank.consolidate(Samples.experience())
        let items = try bank.items()
        try bank.edit(itemID: items[0].id, title: "Edited")
        let before = try bank.changes()
        try bank.close()
        let reopened = try Bank(path: path)
        defer { try? reopened.close() }
        #expect(try reopened.changes() == before)
        try reopened.merge(itemIDs: [items[0].id, items[1].id])
        #expect(try reopened.changes().count == before.count + 1)
    }
}
