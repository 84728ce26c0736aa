import Foundation
import GRDB

extension Bank {
    /// Counts of experiences, items, runs, sources, verdicts, embedding models, imports and changes.
    public func stats() throws -> BankStats {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            func grouped(_ sql: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) {
                    let key: String = row[0]
                    result[key] = row[1]
                }
                return result
            }
            return BankStats(
                experiences: try count("SELECT COUNT(*) FROM experience WHERE retracted_at IS NULL"),
                retractedExperiences: try count("SELECT COUNT(*) FROM experience WHERE retracted_at IS NOT NULL"),
                activeItems: try count("SELECT COUNT(*) FROM memory_item WHERE archived = 0"),
                archivedItems: try count("SELECT COUNT(*) FROM memory_item WHERE archived = 1"),
                pinnedItems: try count("SELECT COUNT(*) FROM memory_item WHERE pinned = 1 AND archived = 0"),
                runsByStatus: try grouped("SELECT status, COUNT(*) FROM run GROUP BY status"),
                itemsBySource: try grouped("SELECT source, COUNT(*) FROM memory_item WHERE archived = 0 GROUP BY source"),
                itemsByVerdict: try grouped(
                    "SELECT COALESCE(verdict, 'unknown'), COUNT(*) FROM memory_item WHERE archived = 0 GROUP BY 1"),
                embeddingModels: try grouped(
                    """
                    SELECT CASE WHEN query_embedding IS NULL THEN 'none' ELSE COALESCE(embedding_model, 'unknown') END,
                        COUNT(*) FROM experience WHERE retracted_at IS NULL GROUP BY 1
                    """),
                cachedEmbeddings: try grouped("SELECT model, COUNT(*) FROM embedding_cache GROUP BY model"),
                imports: try count("SELECT COUNT(*) FROM import_batch"),
                undoneImports: try count("SELECT COUNT(*) FROM import_batch WHERE undone_at IS NOT NULL"),
                changes: try count("SELECT COUNT(*) FROM change_log"),
                undoneChanges: try count("SELECT COUNT(*) FROM change_log WHERE undone_at IS NOT NULL"))
        }
    }
}
