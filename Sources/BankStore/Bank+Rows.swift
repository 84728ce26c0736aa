import Foundation
import GRDB
import ReasoningBank

/// Reading and writing experience and item rows. Everything here runs inside a transaction.
extension Bank {
    /// Items joined with their current revision and their experience's id.
    static let itemSelect = """
        SELECT i.pk, i.id, i.current_revision, i.archived, i.pinned, i.source, i.run_id, i.task_id, i.query,
               i.verdict, i.created_at, i.experience_pk, i.position, i.extra, e.id AS experience_id,
               r.title, r.description, r.content, r.raw_text
        FROM memory_item i
        JOIN item_revision r ON r.item_id = i.id AND r.revision = i.current_revision
        JOIN experience e ON e.pk = i.experience_pk
        """

    static func memoryItem(_ row: Row) -> MemoryItem {
        let verdict: String? = row["verdict"]
        let source: String = row["source"]
        return MemoryItem(
            id: row["id"], title: row["title"], description: row["description"], content: row["content"],
            revision: row["current_revision"], isArchived: row["archived"], isPinned: row["pinned"],
            provenance: Provenance(
                experienceID: row["experience_id"], runID: row["run_id"], taskID: row["task_id"], query: row["query"],
                verdict: verdict.flatMap(VerdictStatus.init(rawValue:)),
                source: ItemSource(rawValue: source) ?? .manual,
                createdAt: Date(timeIntervalSince1970: row["created_at"])))
    }

    /// Items matching `condition` (SQL over `i`, `e`, `r`), in the given order.
    static func fetchItems(
        _ db: Database, where condition: String = "1", arguments: StatementArguments = [],
        order: String = "i.pk"
    ) throws -> [MemoryItem] {
        try Row.fetchAll(db, sql: itemSelect + " WHERE \(condition) ORDER BY \(order)", arguments: arguments)
            .map(memoryItem)
    }

    /// Experiences matching `condition` (SQL over `e`) in insertion order, each with all its items.
    static func fetchExperiences(
        _ db: Database, where condition: String = "e.retracted_at IS NULL", arguments: StatementArguments = []
    ) throws -> [Experience] {
        try fetchKeyedExperiences(db, where: condition, arguments: arguments).map(\.experience)
    }

    /// Experiences matching `condition` (SQL over `e`) in insertion order, each with its `pk` and all its items.
    static func fetchKeyedExperiences(
        _ db: Database, where condition: String, arguments: StatementArguments = []
    ) throws -> [(pk: Int64, experience: Experience)] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT e.* FROM experience e WHERE \(condition) ORDER BY e.pk", arguments: arguments)
        if rows.isEmpty { return [] }
        let pks: [Int64] = rows.map { $0["pk"] }
        var itemsByExperience: [Int64: [MemoryItem]] = [:]
        let itemRows = try Row.fetchAll(
            db,
            sql: itemSelect + " WHERE i.experience_pk IN (SELECT value FROM json_each(?)) ORDER BY i.experience_pk, i.position, i.pk",
            arguments: [try JSONText.string(pks)])
        for row in itemRows {
            let pk: Int64 = row["experience_pk"]
            itemsByExperience[pk, default: []].append(memoryItem(row))
        }
        return rows.map { row in
            let pk: Int64 = row["pk"]
            return (pk, experience(row, items: itemsByExperience[pk] ?? []))
        }
    }

    static func experience(_ row: Row, items: [MemoryItem]) -> Experience {
        let embedding: Data? = row["query_embedding"]
        let outcome: String? = row["outcome"]
        let mode: String = row["memory_mode"]
        return Experience(
            id: row["id"], taskID: row["task_id"], query: row["query"],
            queryEmbedding: embedding.map(EmbeddingVector.decodeFloats), embeddingModel: row["embedding_model"],
            outcome: outcome.flatMap(VerdictStatus.init(rawValue:)), runID: row["run_id"],
            memoryMode: MemoryMode(rawValue: mode) ?? .reasoningbank, items: items,
            createdAt: Date(timeIntervalSince1970: row["created_at"]), trajectoryText: row["trajectory_text"])
    }

    /// Whether a live (not retracted) experience has this id.
    static func liveExperienceExists(_ db: Database, id: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM experience WHERE id = ? AND retracted_at IS NULL)", arguments: [id])
            ?? false
    }

    /// Inserts an experience row (not its items) and returns its `pk`.
    static func insertExperience(
        _ db: Database, _ experience: Experience, createdAt: Double, source: String, importID: Int64? = nil,
        extra: String = "{}"
    ) throws -> Int64 {
        if try liveExperienceExists(db, id: experience.id) {
            throw BankError.duplicateID(kind: "experience", id: experience.id)
        }
        try db.execute(
            sql: """
                INSERT INTO experience (id, task_id, query, query_embedding, embedding_model, outcome, run_id,
                    memory_mode, trajectory_text, created_at, source, import_id, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                experience.id, experience.taskID, experience.query,
                experience.queryEmbedding.map(EmbeddingVector.encodeFloats), experience.embeddingModel,
                experience.outcome?.rawValue, experience.runID, experience.memoryMode.rawValue,
                experience.trajectoryText, createdAt, source, importID, extra,
            ])
        return db.lastInsertedRowID
    }

    /// Inserts an item row and its revision 1.
    static func insertItem(
        _ db: Database, _ item: MemoryItem, experiencePK: Int64, position: Int, createdAt: Double,
        rawText: String? = nil, extra: String = "{}", note: String? = nil
    ) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM memory_item WHERE id = ?)", arguments: [item.id])
            ?? false
        {
            throw BankError.duplicateID(kind: "memory item", id: item.id)
        }
        let provenance = item.provenance
        try db.execute(
            sql: """
                INSERT INTO memory_item (id, experience_pk, position, current_revision, archived, pinned, source,
                    run_id, task_id, query, verdict, created_at, extra)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item.id, experiencePK, position, item.isArchived, item.isPinned, provenance.source.rawValue,
                provenance.runID, provenance.taskID, provenance.query, provenance.verdict?.rawValue, createdAt, extra,
            ])
        try db.execute(
            sql: """
                INSERT INTO item_revision (item_id, revision, title, description, content, raw_text, edited_at, note)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [item.id, item.title, item.description, item.content, rawText, createdAt, note])
    }

    /// Parses a JSON column written by the bank (nil when it is somehow unreadable).
    static func jsonColumn(_ text: String?) -> Any? {
        guard let text else { return nil }
        return try? JSONText.parse(Data(text.utf8))
    }

    /// Parses a JSON-object column written by the bank (`[:]` when it is somehow unreadable).
    static func jsonObjectColumn(_ text: String?) -> [String: Any] { jsonColumn(text) as? [String: Any] ?? [:] }

    /// The current time as unix seconds.
    static func now() -> Double { Date().timeIntervalSince1970 }
}
