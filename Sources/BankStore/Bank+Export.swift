import Foundation
import GRDB
import ReasoningBank

extension Bank {
    /// Live experiences in insertion order with their items (active only unless `includeArchived`).
    static func exportRows(_ db: Database, includeArchived: Bool) throws -> [ExportExperience] {
        let itemRows = try Row.fetchAll(
            db,
            sql: itemSelect + (includeArchived ? "" : " WHERE i.archived = 0") + " ORDER BY i.experience_pk, i.position, i.pk")
        var items: [Int64: [ExportExperience.Item]] = [:]
        for row in itemRows {
            let verdict: String? = row["verdict"]
            let extra: String = row["extra"]
            items[row["experience_pk"], default: []].append(
                ExportExperience.Item(
                    id: row["id"], title: row["title"], description: row["description"], content: row["content"],
                    rawText: row["raw_text"], isArchived: row["archived"], taskID: row["task_id"],
                    verdict: verdict.flatMap(VerdictStatus.init(rawValue:)), createdAt: row["created_at"],
                    extra: jsonObjectColumn(extra)))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM experience WHERE retracted_at IS NULL ORDER BY pk").map { row in
            let outcome: String? = row["outcome"]
            let embedding: Data? = row["query_embedding"]
            let extra: String = row["extra"]
            let runID: String? = row["run_id"]
            var run: RunRecord?
            if let runID, let json = try String.fetchOne(db, sql: "SELECT record FROM run WHERE id = ?", arguments: [runID]) {
                run = try? decodeRecord(json)
            }
            return ExportExperience(
                id: row["id"], taskID: row["task_id"], query: row["query"],
                outcome: outcome.flatMap(VerdictStatus.init(rawValue:)), runID: runID,
                trajectoryText: row["trajectory_text"], createdAt: row["created_at"],
                embeddingModel: row["embedding_model"], queryEmbedding: embedding.map(EmbeddingVector.decodeFloats),
                extra: jsonObjectColumn(extra), items: items[row["pk"]] ?? [], run: run)
        }
    }

    /// Cached embeddings of one model in insertion order.
    static func cachedEmbeddings(_ db: Database, model: String) throws -> [(text: String, key: String, vector: EmbeddingVector)] {
        try Row.fetchAll(
            db, sql: "SELECT text, key, dtype, vector FROM embedding_cache WHERE model = ? ORDER BY pk", arguments: [model]
        ).compactMap { row in
            let dtype: String = row["dtype"]
            let blob: Data = row["vector"]
            guard let precision = EmbeddingVector.Precision(rawValue: dtype),
                let vector = EmbeddingVector(blob: blob, precision: precision)
            else { return nil }
            return (row["text"], row["key"], vector)
        }
    }

    /// `value` as JSON text for an export file (keys sorted), followed by a line break.
    static func exportText(_ value: Any, style: JSONText.Style, file: String) throws -> String {
        do {
            return try JSONText.string(value, style: style) + "\n"
        } catch {
            throw BankError.exportFailed(file: file, detail: "the JSON cannot be written: \(error)")
        }
    }

    /// Writes `text` to `url` atomically, creating its folder.
    static func writeExport(_ text: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw BankError.exportFailed(file: url.path, detail: error.localizedDescription)
        }
    }

    /// Refuses to export numbers JSON cannot hold (NaN or infinity from a broken embedder).
    static func checkFinite(experiences: [ExportExperience], embeddings: [EmbeddingVector], file: String) throws {
        for vector in embeddings {
            if !vector.isFinite {
                throw BankError.exportFailed(file: file, detail: "an embedding holds NaN or infinity, which JSON cannot represent")
            }
        }
        if let bad = experiences.first(where: { !$0.createdAt.isFinite }) {
            throw BankError.exportFailed(file: file, detail: "experience \(bad.id) has an invalid creation time")
        }
    }
}
