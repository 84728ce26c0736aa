import Foundation
import GRDB
import ReasoningBank

extension Bank {
    /// Writes a prepared import in one transaction, after checking for experiences the bank already holds.
    func commit(_ prepared: PreparedImport, onDuplicate: DuplicatePolicy, dryRun: Bool) throws -> ImportReport {
        // Check first in a read, so a refusal never opens a write transaction.
        let existing = try read { db in try Bank.existingIDs(db, prepared) }
        if !existing.isEmpty && onDuplicate == .refuse {
            throw BankError.duplicateExperiences(file: prepared.file, ids: existing)
        }
        func report(entries: [PreparedImport.Entry], skipped: [String], importID: Int64?) -> ImportReport {
            ImportReport(
                format: prepared.format, file: prepared.file, embeddingsFile: prepared.embeddingsFile, detection: nil,
                experiencesAdded: entries.count, itemsAdded: entries.reduce(0) { $0 + $1.items.count },
                embeddingsAdded: prepared.embeddings.count,
                experiencesWithEmbedding: entries.filter { $0.experience.queryEmbedding != nil }.count,
                skippedExperienceIDs: skipped, unparsedItems: prepared.unparsedItems, notes: prepared.notes,
                dryRun: importID == nil, importID: importID)
        }
        if dryRun {
            let skipped = Set(existing)
            return report(entries: prepared.entries.filter { !skipped.contains($0.experience.id) }, skipped: existing, importID: nil)
        }
        return try write { db in
            let existing = try Bank.existingIDs(db, prepared)
            if !existing.isEmpty && onDuplicate == .refuse {
                throw BankError.duplicateExperiences(file: prepared.file, ids: existing)
            }
            let skipped = Set(existing)
            let entries = prepared.entries.filter { !skipped.contains($0.experience.id) }
            let at = Bank.now()
            try db.execute(
                sql: """
                    INSERT INTO import_batch (format, file, embeddings_file, imported_at, experiences, items, embeddings)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    prepared.format.rawValue, prepared.file, prepared.embeddingsFile, at, entries.count,
                    entries.reduce(0) { $0 + $1.items.count }, prepared.embeddings.count,
                ])
            let importID = db.lastInsertedRowID
            for entry in entries {
                let pk = try Bank.insertExperience(
                    db, entry.experience, createdAt: entry.createdAt,
                    source: (prepared.format == .seed ? ItemSource.importedSeed : .importedOfficial).rawValue,
                    importID: importID, extra: entry.extra)
                for (position, item) in entry.items.enumerated() {
                    try Bank.insertItem(
                        db, item.item, experiencePK: pk, position: position, createdAt: item.createdAt,
                        rawText: item.rawText, extra: item.extra, note: "imported from \(prepared.file)")
                }
            }
            for embedding in prepared.embeddings {
                try db.execute(
                    sql: """
                        INSERT INTO embedding_cache (model, text, key, dtype, dimensions, vector, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(model, text, key) DO UPDATE SET
                            dtype = excluded.dtype, dimensions = excluded.dimensions, vector = excluded.vector
                        """,
                    arguments: [
                        embedding.model, embedding.text, embedding.key, embedding.vector.precision.rawValue,
                        embedding.vector.values.count, embedding.vector.blob, at,
                    ])
            }
            let result = report(entries: entries, skipped: existing, importID: importID)
            try Bank.log(
                db, .import, importID: importID,
                summary: "import \(entries.count) experiences and \(result.itemsAdded) items from \(prepared.file)")
            return result
        }
    }

    private static func existingIDs(_ db: Database, _ prepared: PreparedImport) throws -> [String] {
        let ids = prepared.entries.map(\.experience.id)
        guard !ids.isEmpty else { return [] }
        let found = try String.fetchAll(
            db,
            sql: "SELECT id FROM experience WHERE retracted_at IS NULL AND id IN (SELECT value FROM json_each(?))",
            arguments: [try JSONText.string(ids)])
        let present = Set(found)
        return ids.filter { present.contains($0) }
    }
}
