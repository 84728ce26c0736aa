import Foundation
import GRDB
import ReasoningBank

/// Browsing and curating memory items. Identifiers may be given as a unique prefix (`3f9a` or `m-3f9a`).
extension Bank {
    // MARK: Browsing

    /// Items at their current revision: pinned first, then in insertion order. Archived items only when asked.
    public func items(includeArchived: Bool = false) throws -> [MemoryItem] {
        try read { db in
            try Bank.fetchItems(db, where: includeArchived ? "1" : "i.archived = 0", order: "i.pinned DESC, i.pk")
        }
    }

    /// The item with this id or unique id prefix; nil when none matches.
    /// Throws `BankError.ambiguousID` when the prefix matches several items.
    public func item(id: String) throws -> MemoryItem? {
        try read { db in
            guard let resolved = try Bank.resolveItem(db, id) else { return nil }
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [resolved]).first
        }
    }

    /// The full id of the item matching `prefix`; throws `BankError.itemNotFound` or `.ambiguousID`.
    public func resolveItemID(_ prefix: String) throws -> String {
        try read { db in try Bank.requireItem(db, prefix) }
    }

    /// The experience with this id or unique prefix, with all its items (a live one is preferred
    /// over one whose import was undone); nil when none matches.
    public func experience(id: String) throws -> Experience? {
        try read { db in
            guard
                let resolved = try Bank.resolveID(
                    db, id, table: "experience", kind: "experience", conventionalPrefix: "x")
            else { return nil }
            return try Bank.fetchExperiences(
                db,
                where: "e.pk = (SELECT pk FROM experience WHERE id = ? ORDER BY retracted_at IS NOT NULL, pk DESC LIMIT 1)",
                arguments: [resolved]
            ).first
        }
    }

    /// The full id of the experience matching `prefix`; throws `BankError.experienceNotFound` or `.ambiguousID`.
    public func resolveExperienceID(_ prefix: String) throws -> String {
        try read { db in
            guard
                let resolved = try Bank.resolveID(
                    db, prefix, table: "experience", kind: "experience", conventionalPrefix: "x")
            else { throw BankError.experienceNotFound(prefix) }
            return resolved
        }
    }

    /// The experience an item (id or unique prefix) belongs to, with all its items.
    public func experience(containingItem itemID: String) throws -> Experience? {
        try read { db in
            guard let resolved = try Bank.resolveItem(db, itemID) else { return nil }
            return try Bank.fetchExperiences(
                db, where: "e.pk = (SELECT experience_pk FROM memory_item WHERE id = ?)", arguments: [resolved]
            ).first
        }
    }

    /// Items whose current title, description or content contain every word of `text`
    /// (case-insensitive, in any order); pinned first, then insertion order. Empty text matches all.
    public func search(_ text: String, includeArchived: Bool = false) throws -> [MemoryItem] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        return try items(includeArchived: includeArchived).filter { item in
            let haystack = item.title + "\n" + item.description + "\n" + item.content
            return words.allSatisfy { haystack.range(of: $0, options: [.caseInsensitive]) != nil }
        }
    }

    /// Every revision of an item, oldest first.
    public func revisions(of itemID: String) throws -> [ItemRevision] {
        try read { db in
            let resolved = try Bank.requireItem(db, itemID)
            let current = try Int.fetchOne(
                db, sql: "SELECT current_revision FROM memory_item WHERE id = ?", arguments: [resolved])
            return try Row.fetchAll(
                db, sql: "SELECT * FROM item_revision WHERE item_id = ? ORDER BY revision", arguments: [resolved]
            ).map { row in
                ItemRevision(
                    itemID: row["item_id"], revision: row["revision"], title: row["title"],
                    description: row["description"], content: row["content"], rawText: row["raw_text"],
                    editedAt: Date(timeIntervalSince1970: row["edited_at"]), note: row["note"],
                    isCurrent: row["revision"] == current)
            }
        }
    }

    /// The change log, newest first (all of it when `limit` is nil), undone entries included.
    public func changes(limit: Int? = nil) throws -> [ChangeLogEntry] {
        try read { db in
            var sql = "SELECT * FROM change_log ORDER BY seq DESC"
            var arguments: StatementArguments = []
            if let limit {
                sql += " LIMIT ?"
                arguments += [max(0, limit)]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Bank.changeLogEntry)
        }
    }

    // MARK: Curation

    /// Writes a new revision with the given fields (nil keeps a field) and makes it current.
    /// Throws `BankError.noChange` when nothing differs and `.invalidEdit` for an empty title or content.
    @discardableResult
    public func edit(
        itemID: String, title: String? = nil, description: String? = nil, content: String? = nil, note: String? = nil
    ) throws -> MemoryItem {
        try write { db in
            let id = try Bank.requireItem(db, itemID)
            guard let current = try Bank.fetchItems(db, where: "i.id = ?", arguments: [id]).first else {
                throw BankError.itemNotFound(itemID)
            }
            let newTitle = title.map(Bank.clean) ?? current.title
            let newDescription = description.map(Bank.clean) ?? current.description
            let newContent = content.map(Bank.clean) ?? current.content
            guard !newTitle.isEmpty else { throw BankError.invalidEdit("the title must not be empty") }
            guard !newContent.isEmpty else { throw BankError.invalidEdit("the content must not be empty") }
            var changed: [String] = []
            if newTitle != current.title { changed.append("title") }
            if newDescription != current.description { changed.append("description") }
            if newContent != current.content { changed.append("content") }
            guard !changed.isEmpty else { throw BankError.noChange("the new text of \(id) equals its current text") }
            let next = try Bank.writeRevision(
                db, itemID: id,
                fields: ExtractedItem(title: newTitle, description: newDescription, content: newContent),
                rawText: nil, note: note)
            try Bank.log(
                db, .edit, itemID: id,
                payload: ["from": current.revision, "to": next],
                summary: "edit \(id): revision \(current.revision) → \(next) (\(changed.joined(separator: ", ")))")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
        }
    }

    /// Archives an item: it is kept, with its history, but never retrieved. Undo restores it.
    @discardableResult
    public func archive(itemID: String) throws -> MemoryItem {
        try write { db in
            let id = try Bank.requireItem(db, itemID)
            let item = try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
            guard !item.isArchived else { throw BankError.noChange("\(id) is already archived") }
            try db.execute(sql: "UPDATE memory_item SET archived = 1 WHERE id = ?", arguments: [id])
            try Bank.log(db, .archive, itemID: id, summary: "archive \(id) \"\(item.title.prefix(60))\"")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
        }
    }

    /// Makes an archived item retrievable again. An item of an undone import brings its experience back too.
    @discardableResult
    public func restore(itemID: String) throws -> MemoryItem {
        try write { db in
            let id = try Bank.requireItem(db, itemID)
            let item = try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
            guard item.isArchived else { throw BankError.noChange("\(id) is not archived") }
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.pk, e.id, e.retracted_at FROM experience e
                    JOIN memory_item i ON i.experience_pk = e.pk WHERE i.id = ?
                    """,
                arguments: [id])
            var unretracted = false
            if let row, let _: Double = row["retracted_at"] {
                let experienceID: String = row["id"]
                if try Bank.liveExperienceExists(db, id: experienceID) {
                    throw BankError.invalidEdit(
                        "\(id) belongs to an undone import of experience \(experienceID), which the bank holds again "
                            + "from a later import; restore the item of the live experience instead")
                }
                let pk: Int64 = row["pk"]
                try db.execute(sql: "UPDATE experience SET retracted_at = NULL WHERE pk = ?", arguments: [pk])
                unretracted = true
            }
            try db.execute(sql: "UPDATE memory_item SET archived = 0 WHERE id = ?", arguments: [id])
            try Bank.log(
                db, .restore, itemID: id, payload: ["unretracted": unretracted],
                summary: "restore \(id) \"\(item.title.prefix(60))\"")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
        }
    }

    /// Pins (keeps at the top of listings) or unpins an item.
    @discardableResult
    public func setPinned(itemID: String, _ pinned: Bool) throws -> MemoryItem {
        try write { db in
            let id = try Bank.requireItem(db, itemID)
            let item = try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
            guard item.isPinned != pinned else {
                throw BankError.noChange("\(id) is already \(pinned ? "pinned" : "unpinned")")
            }
            try db.execute(sql: "UPDATE memory_item SET pinned = ? WHERE id = ?", arguments: [pinned, id])
            try Bank.log(
                db, pinned ? .pin : .unpin, itemID: id,
                payload: ["before": item.isPinned],
                summary: "\(pinned ? "pin" : "unpin") \(id) \"\(item.title.prefix(60))\"")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [id])[0]
        }
    }

    /// Adds an item written by hand (source `.manual`).
    ///
    /// With `experienceID` (id or unique prefix) the item joins that experience and takes its task,
    /// query and outcome as provenance. Without it, a new experience is created for `query`
    /// (default: the title) and `taskID`; it has no query embedding until something embeds it.
    @discardableResult
    public func addItem(
        _ fields: ExtractedItem, toExperience experienceID: String? = nil, query: String? = nil,
        taskID: String? = nil, note: String? = nil
    ) throws -> MemoryItem {
        let cleaned = ExtractedItem(
            title: Bank.clean(fields.title), description: Bank.clean(fields.description),
            content: Bank.clean(fields.content))
        guard !cleaned.title.isEmpty else { throw BankError.invalidEdit("the title must not be empty") }
        guard !cleaned.content.isEmpty else { throw BankError.invalidEdit("the content must not be empty") }
        return try write { db in
            let createdAt = Bank.now()
            let experiencePK: Int64
            let experience: Experience
            var createdExperience = false
            if let experienceID {
                guard
                    let resolved = try Bank.resolveID(
                        db, experienceID, table: "experience", kind: "experience", conventionalPrefix: "x",
                        condition: "retracted_at IS NULL")
                else { throw BankError.experienceNotFound(experienceID) }
                let found = try Bank.fetchExperiences(
                    db, where: "e.id = ? AND e.retracted_at IS NULL", arguments: [resolved])
                experience = found[0]
                experiencePK = try Int64.fetchOne(
                    db, sql: "SELECT pk FROM experience WHERE id = ? AND retracted_at IS NULL", arguments: [resolved])!
            } else {
                experience = Experience(
                    taskID: taskID, query: query.map(Bank.clean) ?? cleaned.title, queryEmbedding: nil,
                    embeddingModel: nil, outcome: nil, runID: nil, memoryMode: .reasoningbank, items: [],
                    createdAt: Date(timeIntervalSince1970: createdAt))
                experiencePK = try Bank.insertExperience(
                    db, experience, createdAt: createdAt, source: ItemSource.manual.rawValue)
                createdExperience = true
            }
            let position =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM memory_item WHERE experience_pk = ?",
                    arguments: [experiencePK]) ?? 0
            let item = MemoryItem(
                title: cleaned.title, description: cleaned.description, content: cleaned.content,
                provenance: Provenance(
                    experienceID: experience.id, runID: experience.runID, taskID: experience.taskID,
                    query: experience.query, verdict: experience.outcome, source: .manual,
                    createdAt: Date(timeIntervalSince1970: createdAt)))
            try Bank.insertItem(
                db, item, experiencePK: experiencePK, position: position, createdAt: createdAt, note: note)
            try Bank.log(
                db, .add, itemID: item.id,
                payload: ["experience_pk": experiencePK, "created_experience": createdExperience],
                summary: "add \(item.id) \"\(item.title.prefix(60))\" to experience \(experience.id)")
            return try Bank.fetchItems(db, where: "i.id = ?", arguments: [item.id])[0]
        }
    }

    /// Reverses the most recent change not yet undone; nil when there is none. Repeated calls walk back
    /// through the log. Nothing is deleted: an edit is undone by a new revision with the earlier text,
    /// an add or import by archiving its items and retracting the experiences it created.
    public func undo() throws -> UndoResult? {
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM change_log WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1")
            else { return nil }
            let entry = Bank.changeLogEntry(row)
            let payloadText: String = row["payload"]
            let payload = Bank.jsonObjectColumn(payloadText)
            let at = Bank.now()
            var summary: String
            var itemIDs: [String] = entry.itemID.map { [$0] } ?? []
            switch entry.operation {
            case .edit:
                let id = entry.itemID ?? ""
                let from = payload["from"].flatMap(JSONText.double).map { Int($0) } ?? 1
                guard
                    let old = try Row.fetchOne(
                        db, sql: "SELECT * FROM item_revision WHERE item_id = ? AND revision = ?", arguments: [id, from])
                else { throw BankError.database("revision \(from) of \(id) is missing") }
                let next = try Bank.writeRevision(
                    db, itemID: id,
                    fields: ExtractedItem(title: old["title"], description: old["description"], content: old["content"]),
                    rawText: old["raw_text"], note: "undo: back to revision \(from)")
                summary = "\(id) is back to the text of revision \(from) (written as revision \(next))"
            case .archive:
                try db.execute(sql: "UPDATE memory_item SET archived = 0 WHERE id = ?", arguments: [entry.itemID])
                summary = "\(entry.itemID ?? "") is restored"
            case .restore:
                try db.execute(sql: "UPDATE memory_item SET archived = 1 WHERE id = ?", arguments: [entry.itemID])
                summary = "\(entry.itemID ?? "") is archived again"
                if payload["unretracted"].flatMap(JSONText.bool) == true {
                    try Bank.retractExperience(db, ofItem: entry.itemID, at: at)
                    summary += ", and its experience is retracted again"
                }
            case .pin, .unpin:
                let before = payload["before"].flatMap(JSONText.bool) ?? false
                try db.execute(
                    sql: "UPDATE memory_item SET pinned = ? WHERE id = ?", arguments: [before, entry.itemID])
                summary = "\(entry.itemID ?? "") is \(before ? "pinned" : "unpinned") again"
            case .add:
                try db.execute(sql: "UPDATE memory_item SET archived = 1 WHERE id = ?", arguments: [entry.itemID])
                summary = "the added item \(entry.itemID ?? "") is archived"
                if payload["created_experience"].flatMap(JSONText.bool) == true {
                    try Bank.retractExperience(db, ofItem: entry.itemID, at: at)
                    summary += " and the experience made for it is retracted"
                }
            case .merge:
                let (text, ids) = try Bank.undoMerge(db, mergedID: entry.itemID, payload: payload)
                summary = text
                itemIDs = ids
            case .import:
                let batch = entry.importID ?? -1
                itemIDs = try String.fetchAll(
                    db,
                    sql: """
                        SELECT i.id FROM memory_item i JOIN experience e ON e.pk = i.experience_pk
                        WHERE e.import_id = ? AND i.archived = 0 ORDER BY i.pk
                        """,
                    arguments: [batch])
                try db.execute(
                    sql: """
                        UPDATE memory_item SET archived = 1
                        WHERE experience_pk IN (SELECT pk FROM experience WHERE import_id = ?)
                        """,
                    arguments: [batch])
                try db.execute(
                    sql: "UPDATE experience SET retracted_at = ? WHERE import_id = ? AND retracted_at IS NULL",
                    arguments: [at, batch])
                try db.execute(sql: "UPDATE import_batch SET undone_at = ? WHERE id = ?", arguments: [at, batch])
                let experiences =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM experience WHERE import_id = ?", arguments: [batch])
                    ?? 0
                summary = "the import's \(experiences) experiences are retracted and its \(itemIDs.count) items archived"
            }
            try db.execute(sql: "UPDATE change_log SET undone_at = ? WHERE seq = ?", arguments: [at, entry.id])
            var undone = entry
            undone.undoneAt = Date(timeIntervalSince1970: at)
            return UndoResult(undone: undone, summary: "\(entry.summary) — \(summary).", itemIDs: itemIDs)
        }
    }

    // MARK: Helpers

    static func resolveItem(_ db: Database, _ prefix: String) throws -> String? {
        try resolveID(db, prefix, table: "memory_item", kind: "memory item", conventionalPrefix: "m")
    }

    static func requireItem(_ db: Database, _ prefix: String) throws -> String {
        guard let id = try resolveItem(db, prefix) else { throw BankError.itemNotFound(prefix) }
        return id
    }

    static func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Appends a revision after the highest one and makes it current; returns its number.
    static func writeRevision(
        _ db: Database, itemID: String, fields: ExtractedItem, rawText: String?, note: String?
    ) throws -> Int {
        let next =
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(revision), 0) + 1 FROM item_revision WHERE item_id = ?",
                arguments: [itemID]) ?? 1
        try db.execute(
            sql: """
                INSERT INTO item_revision (item_id, revision, title, description, content, raw_text, edited_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [itemID, next, fields.title, fields.description, fields.content, rawText, now(), note])
        try db.execute(
            sql: "UPDATE memory_item SET current_revision = ? WHERE id = ?", arguments: [next, itemID])
        return next
    }

    /// Appends a change-log entry.
    static func log(
        _ db: Database, _ operation: ChangeLogEntry.Operation, itemID: String? = nil, importID: Int64? = nil,
        payload: [String: Any] = [:], summary: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO change_log (operation, item_id, import_id, at, payload, summary) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                operation.rawValue, itemID, importID, now(), try JSONText.string(payload), summary,
            ])
    }

    static func changeLogEntry(_ row: Row) -> ChangeLogEntry {
        let operation: String = row["operation"]
        let undone: Double? = row["undone_at"]
        return ChangeLogEntry(
            id: row["seq"], operation: ChangeLogEntry.Operation(rawValue: operation) ?? .edit, itemID: row["item_id"],
            importID: row["import_id"], at: Date(timeIntervalSince1970: row["at"]), summary: row["summary"],
            undoneAt: undone.map(Date.init(timeIntervalSince1970:)))
    }

    /// Marks the experience that holds `itemID` as retracted (never deleted) at `at`.
    static func retractExperience(_ db: Database, ofItem itemID: String?, at: Double) throws {
        try db.execute(
            sql: """
                UPDATE experience SET retracted_at = ?
                WHERE pk = (SELECT experience_pk FROM memory_item WHERE id = ?)
                """,
            arguments: [at, itemID])
    }
}
