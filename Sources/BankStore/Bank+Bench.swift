import Foundation
import GRDB
import ReasoningBank

/// Bench results in the run history.
extension Bank {
    /// Saves (or replaces) a bench result.
    public func record(bench result: BenchResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: String
        do { json = String(decoding: try encoder.encode(result), as: UTF8.self) } catch {
            throw BankError.database("the bench result \(result.id) cannot be encoded: \(error)")
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO bench (id, environment, modes, task_count, started_at, finished_at, result)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET finished_at = excluded.finished_at, result = excluded.result
                    """,
                arguments: [
                    result.id, result.environment, result.modes.map(\.label).joined(separator: ","),
                    result.taskIDs.count, result.startedAt.timeIntervalSince1970,
                    result.finishedAt?.timeIntervalSince1970, json,
                ])
        }
    }

    /// Saved bench results, newest first.
    public func benches(limit: Int? = nil) throws -> [BenchResult] {
        try read { db in
            var sql = "SELECT result FROM bench ORDER BY started_at DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try String.fetchAll(db, sql: sql).map(Bank.decodeBench)
        }
    }

    /// One saved bench by id or unique prefix.
    public func bench(id prefix: String) throws -> BenchResult? {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM bench WHERE id LIKE ? || '%'", arguments: [prefix])
            guard ids.count <= 1 else { throw BankError.ambiguousID(prefix: prefix, kind: "bench", matches: ids) }
            guard let id = ids.first,
                let json = try String.fetchOne(db, sql: "SELECT result FROM bench WHERE id = ?", arguments: [id])
            else { return nil }
            return try Bank.decodeBench(json)
        }
    }

    static func decodeBench(_ json: String) throws -> BenchResult {
        do { return try JSONDecoder().decode(BenchResult.self, from: Data(json.utf8)) } catch {
            throw BankError.database("a stored bench result cannot be read: \(error)")
        }
    }
}
