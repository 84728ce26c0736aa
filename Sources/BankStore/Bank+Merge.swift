import Foundation
import GRDB
import ReasoningBank

extension Bank {
    /// Merges two or more live items into one new item and archives them. The new item joins the
    /// first item's experience (so it keeps that provenance), as a hand-made item (`.manual`) whose
    /// revision note names the sources. With `fields` nil the first item's title and description are
    /// kept and the contents are joined. Undo archives the merged item and restores the sources.
    @discardableResult
    public func merge(itemIDs: [String], fields: ExtractedItem? = nil) throws -> MemoryItem {
        try write { db in
            var ids: [String] = []
            for prefix in itemIDs {
                let id = try Bank.requireItem(db, prefix)
                if !ids.contains(id) { ids.append(id) }
            }
            guard ids.count >= 2 else { throw BankError.invalidEdit("merging needs at least two different items") }
            var sources: [MemoryItem] = []
            for id in ids {
                let item = try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
                guard !item.isArchived else {
                    throw BankError.invalidEdit("\(id) is archived; restore it before merging it")
                }
                sources.append(item)
            }
            let first = sources[0]
            var contents: [String] = []
            for item in sources where !contents.contains(item.content) { contents.append(item.content) }
            let merged = ExtractedItem(
                title: Bank.clean(fields?.title ?? first.title),
                description: Bank.clean(fields?.description ?? first.description),
                content: Bank.clean(fields?.content ?? contents.joined(separator: "\n\n")))
            guard !merged.title.isEmpty else { throw BankError.invalidEdit("the title must not be empty") }
            guard !merged.content.isEmpty else { throw BankError.invalidEdit("the content must not be empty") }
            guard
                let experiencePK = try Int64.fetchOne(
                    db, sql: "SELECT experience_pk FROM memory_item WHERE id = ?", arguments: [first.id])
            else { throw BankError.itemNotFound(first.id) }
            let position =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM memory_item WHERE experience_pk = ?",
                    arguments: [experiencePK]) ?? 0
            let createdAt = Bank.now()
            var provenance = first.provenance
            provenance.source = .manual
            provenance.createdAt = Date(timeIntervalSince1970: createdAt)
            let item = MemoryItem(
                title: merged.title, description: merged.description, content: merged.content, provenance: provenance)
            try Bank.insertItem(
                db, item, experiencePK: experiencePK, position: position, createdAt: createdAt,
                note: "merged from " + ids.joined(separator: ", "))
            for id in ids {
                try db.execute(sql: "UPDATE memory_item SET archived = 1 WHERE id = ?", arguments: [id])
            }
            try Bank.log(
                db, .merge, itemID: item.id, payload: ["sources": ids],
                summary: "merge \(ids.joined(separator: " + ")) into \(item.id) \"\(item.title.prefix(60))\"")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [item.id])[0]
        }
    }

    /// Undoes a merge: the merged item is archived and its sources restored. Returns the summary.
    static func undoMerge(_ db: Database, mergedID: String?, payload: [String: Any]) throws -> (String, [String]) {
        let sources = (payload["sources"] as? [Any])?.compactMap { $0 as? String } ?? []
        try db.execute(sql: "UPDATE memory_item SET archived = 1 WHERE id = ?", arguments: [mergedID])
        for id in sources {
            try db.execute(sql: "UPDATE memory_item SET archived = 0 WHERE id = ?", arguments: [id])
        }
        return ("the merged item \(mergedID ?? "") is archived and \(sources.joined(separator: ", ")) restored",
            [mergedID].compactMap { $0 } + sources)
    }
}
