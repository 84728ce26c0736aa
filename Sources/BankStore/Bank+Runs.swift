import Foundation
import GRDB
import ReasoningBank

extension Bank {
    /// The most recent runs first (all of them when `limit` is nil), optionally only those with `status`.
    public func runs(limit: Int? = nil, status: RunStatus? = nil) throws -> [RunSummary] {
        try read { db in
            var sql = "SELECT * FROM run"
            var arguments: StatementArguments = []
            if let status {
                sql += " WHERE status = ?"
                arguments += [status.rawValue]
            }
            sql += " ORDER BY started_at DESC, rowid DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [max(0, limit)]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Bank.runSummary)
        }
    }

    /// The full record of a run, by id or unique id prefix; nil when no run matches.
    /// Throws `BankError.ambiguousID` when the prefix matches several runs.
    public func run(id: String) throws -> RunRecord? {
        try read { db in
            guard let resolved = try Bank.resolveID(db, id, table: "run", kind: "run", conventionalPrefix: "r")
            else { return nil }
            let json = try String.fetchOne(db, sql: "SELECT record FROM run WHERE id = ?", arguments: [resolved])
            return try json.map { try Bank.decodeRecord($0) }
        }
    }

    /// The full identifier of the run matching `prefix`, or `BankError.runNotFound` / `.ambiguousID`.
    public func resolveRunID(_ prefix: String) throws -> String {
        try read { db in
            guard let resolved = try Bank.resolveID(db, prefix, table: "run", kind: "run", conventionalPrefix: "r")
            else { throw BankError.runNotFound(prefix) }
            return resolved
        }
    }

    /// The experiences a run retrieved, best first (`runID` may be a unique prefix).
    public func retrievalLogs(runID: String) throws -> [RetrievalLogEntry] {
        let resolved = try resolveRunID(runID)
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM retrieval_log WHERE run_id = ? ORDER BY rank", arguments: [resolved]
            ).map { row in
                let ids: String = row["item_ids"]
                return RetrievalLogEntry(
                    runID: row["run_id"], rank: row["rank"], experienceID: row["experience_id"],
                    taskID: row["task_id"], query: row["query"], score: row["score"],
                    itemIDs: (Bank.jsonColumn(ids) as? [Any])?.compactMap { $0 as? String } ?? [])
            }
        }
    }

    /// How often an item (id or unique prefix) was retrieved or injected, and how those runs were judged.
    public func usage(of itemID: String) throws -> ItemUsage {
        let resolved = try resolveItemID(itemID)
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run.id, run.status FROM run WHERE run.id IN (
                        SELECT l.run_id FROM retrieval_log l, json_each(l.item_ids) j WHERE j.value = ?
                        UNION SELECT run_id FROM run_injected_item WHERE item_id = ?)
                    ORDER BY run.started_at DESC, run.rowid DESC
                    """,
                arguments: [resolved, resolved])
            let injected =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(DISTINCT run_id) FROM run_injected_item WHERE item_id = ?",
                    arguments: [resolved]) ?? 0
            let statuses: [String] = rows.map { $0["status"] }
            return ItemUsage(
                itemID: resolved, timesRetrieved: rows.count, timesInjected: injected,
                successes: statuses.filter { $0 == RunStatus.success.rawValue }.count,
                failures: statuses.filter { $0 == RunStatus.failure.rawValue }.count,
                runIDs: rows.map { $0["id"] })
        }
    }

    // MARK: Storage

    static func encodeRecord(_ run: RunRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(run), as: UTF8.self)
        } catch {
            throw BankError.database("the run record \(run.id) cannot be encoded: \(error)")
        }
    }

    static func decodeRecord(_ json: String) throws -> RunRecord {
        do {
            return try JSONDecoder().decode(RunRecord.self, from: Data(json.utf8))
        } catch {
            throw BankError.database("a stored run record cannot be read: \(error)")
        }
    }

    static func record(_ db: Database, _ run: RunRecord, encoded: String) throws {
        let usage = run.usage
        try db.execute(
            sql: """
                INSERT INTO run (id, task_id, query, environment, status, started_at, finished_at, model, embedder,
                    memory_mode, step_count, input_tokens, output_tokens, cost_usd, unpriced_calls, experience_id, record,
                    updated_at, scaling)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    task_id = excluded.task_id, query = excluded.query, environment = excluded.environment,
                    status = excluded.status, started_at = excluded.started_at, finished_at = excluded.finished_at,
                    model = excluded.model, embedder = excluded.embedder, memory_mode = excluded.memory_mode,
                    step_count = excluded.step_count, input_tokens = excluded.input_tokens,
                    output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd,
                    unpriced_calls = excluded.unpriced_calls, experience_id = excluded.experience_id,
                    record = excluded.record, updated_at = excluded.updated_at, scaling = excluded.scaling
                """,
            arguments: [
                run.id, run.task.id, run.task.query, run.task.environment, run.status.rawValue,
                run.startedAt.timeIntervalSince1970, run.finishedAt?.timeIntervalSince1970, run.model.displayName,
                run.embedder, run.memoryMode.rawValue, run.trajectory.steps.count, usage.inputTokens,
                usage.outputTokens, usage.costUSD.isFinite ? usage.costUSD : 0, usage.unpricedCalls, run.experienceID,
                encoded, now(), run.scaling?.label,
            ])
        try db.execute(sql: "DELETE FROM run_step WHERE run_id = ?", arguments: [run.id])
        for (ordinal, step) in run.trajectory.steps.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO run_step (run_id, ordinal, step_index, thought, action, observation, parse_failure,
                        prompt, raw_response, input_tokens, output_tokens, latency_ms, model)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, ordinal, step.index, step.thought, step.action, step.observation, step.parseFailure,
                    step.call.request.renderedPrompt, step.call.response, step.call.usage.inputTokens,
                    step.call.usage.outputTokens, step.call.latencyMilliseconds, step.call.model,
                ])
        }
        try db.execute(sql: "DELETE FROM retrieval_log WHERE run_id = ?", arguments: [run.id])
        for (offset, hit) in run.retrieval.hits.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO retrieval_log (run_id, rank, experience_id, task_id, query, score, item_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, offset + 1, hit.experienceID, hit.taskID, hit.query, hit.score,
                    try JSONText.string(hit.itemIDs),
                ])
        }
        try db.execute(sql: "DELETE FROM run_injected_item WHERE run_id = ?", arguments: [run.id])
        for (position, itemID) in run.retrieval.injectedItemIDs.enumerated() {
            try db.execute(
                sql: "INSERT INTO run_injected_item (run_id, position, item_id) VALUES (?, ?, ?)",
                arguments: [run.id, position, itemID])
        }
    }

    static func runSummary(_ row: Row) -> RunSummary {
        let status: String = row["status"]
        let mode: String = row["memory_mode"]
        let finished: Double? = row["finished_at"]
        return RunSummary(
            id: row["id"], taskID: row["task_id"], query: row["query"], environment: row["environment"],
            status: RunStatus(rawValue: status) ?? .error, startedAt: Date(timeIntervalSince1970: row["started_at"]),
            finishedAt: finished.map(Date.init(timeIntervalSince1970:)), model: row["model"], embedder: row["embedder"],
            memoryMode: MemoryMode(rawValue: mode) ?? .reasoningbank, stepCount: row["step_count"],
            usage: Usage(
                inputTokens: row["input_tokens"], outputTokens: row["output_tokens"], costUSD: row["cost_usd"],
                unpricedCalls: row["unpriced_calls"]),
            experienceID: row["experience_id"], scaling: row["scaling"])
    }

    // MARK: Identifier prefixes

    /// The one id in `table` equal to `prefix` or starting with it (or with `conventionalPrefix-` + it);
    /// nil when none matches; `BankError.ambiguousID` when several do.
    static func resolveID(
        _ db: Database, _ prefix: String, table: String, kind: String, conventionalPrefix: String,
        condition: String = "1"
    ) throws -> String? {
        let needle = prefix.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        if try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ? AND \(condition))", arguments: [needle]) ?? false
        {
            return needle
        }
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let matches = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT id FROM \(table)
                WHERE (id LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\') AND \(condition) ORDER BY id LIMIT 20
                """,
            arguments: [escaped + "%", conventionalPrefix + "-" + escaped + "%"])
        // LIKE is case-insensitive for ASCII; identifiers are not, so keep only true prefixes.
        let exact = matches.filter { $0.hasPrefix(needle) || $0.hasPrefix(conventionalPrefix + "-" + needle) }
        switch exact.count {
        case 0: return nil
        case 1: return exact[0]
        default: throw BankError.ambiguousID(prefix: needle, kind: kind, matches: exact)
        }
    }
}
