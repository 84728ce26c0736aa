import Foundation
import GRDB
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Run cost columns (migration v3)")
struct RunCostTests {
    /// A run whose steps carry a cost: 3 steps at $0.01 each, the last one unpriced.
    static func pricedRun(id: String = "r-00000000cost") -> RunRecord {
        var run = Samples.run(id: id, steps: 3)
        for index in run.trajectory.steps.indices {
            let unpriced = index == run.trajectory.steps.count - 1
            run.trajectory.steps[index].call.usage.costUSD = unpriced ? 0 : 0.01
            run.trajectory.steps[index].call.usage.unpricedCalls = unpriced ? 1 : 0
        }
        return run
    }

    @Test("a run's cost and unpriced calls are stored in their columns and read back in its summary")
    func roundTrip() async throws {
        let bank = try Bank.inMemory()
        let run = Self.pricedRun()
        try await bank.record(run)
        let summary = try #require(try bank.runs().first)
        #expect(abs(summary.usage.costUSD - 0.02) < 1e-12)
        #expect(summary.usage.unpricedCalls == 1)
        #expect(summary.usage.inputTokens == run.usage.inputTokens)
        let (cost, unpriced) = try await bank.writer.read { db in
            (
                try Double.fetchOne(db, sql: "SELECT cost_usd FROM run WHERE id = ?", arguments: [run.id]),
                try Int.fetchOne(db, sql: "SELECT unpriced_calls FROM run WHERE id = ?", arguments: [run.id])
            )
        }
        #expect(cost.map { abs($0 - 0.02) < 1e-12 } == true)
        #expect(unpriced == 1)
        #expect(try bank.run(id: run.id)?.usage == run.usage)
    }

    @Test("recording a run again updates its cost")
    func updateCost() async throws {
        let bank = try Bank.inMemory()
        var run = Self.pricedRun()
        try await bank.record(run)
        run.trajectory.steps[2].call.usage.costUSD = 0.5
        run.trajectory.steps[2].call.usage.unpricedCalls = 0
        try await bank.record(run)
        let summary = try #require(try bank.runs().first)
        #expect(abs(summary.usage.costUSD - 0.52) < 1e-12)
        #expect(summary.usage.unpricedCalls == 0)
    }

    @Test("a run of the offline simulation is stored at $0 with no unpriced calls")
    func offlineRun() async throws {
        let bank = try Bank.inMemory()
        try await bank.record(Samples.run())
        let summary = try #require(try bank.runs().first)
        #expect(summary.usage.costUSD == 0)
        #expect(summary.usage.unpricedCalls == 0)
    }

    @Test("a bank made before v3 opens, gains the cost columns, keeps its runs at $0, and stores costs")
    func migratesVersion2Bank() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("old.sqlite").path
        let old = Samples.run(id: "r-0000000000v2")
        // The schema and the run insert exactly as an rbank with migrations v1 and v2 wrote them.
        let queue = try DatabaseQueue(path: path)
        try BankSchema.migrator.migrate(queue, upTo: "v2")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (id, task_id, query, environment, status, started_at, finished_at, model, embedder,
                        memory_mode, step_count, input_tokens, output_tokens, experience_id, record, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    old.id, old.task.id, old.task.query, old.task.environment, old.status.rawValue,
                    old.startedAt.timeIntervalSince1970, old.finishedAt?.timeIntervalSince1970, old.model.displayName,
                    old.embedder, old.memoryMode.rawValue, old.trajectory.steps.count, old.usage.inputTokens,
                    old.usage.outputTokens, old.experienceID, try Bank.encodeRecord(old), 1_760_000_000,
                ])
        }
        let columnsBefore = try await queue.read { db in try db.columns(in: "run").map(\.name) }
        #expect(!columnsBefore.contains("cost_usd"))
        try queue.close()

        let bank = try Bank(path: path)
        let (migrations, columns) = try await bank.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try db.columns(in: "run").map(\.name)
            )
        }
        #expect(migrations == BankSchema.migrationIdentifiers)
        #expect(columns.contains("cost_usd") && columns.contains("unpriced_calls"))
        let summary = try #require(try bank.runs().first)
        #expect(summary.id == old.id)
        #expect(summary.usage.costUSD == 0 && summary.usage.unpricedCalls == 0)
        #expect(summary.usage.inputTokens == old.usage.inputTokens)
        #expect(try bank.run(id: old.id) == old)

        let priced = Self.pricedRun()
        try await bank.record(priced)
        #expect(try bank.runs().map(\.id).sorted() == [old.id, priced.id].sorted())
        let stored = try #require(try bank.runs().first { $0.id == priced.id })
        #expect(abs(stored.usage.costUSD - 0.02) < 1e-12 && stored.usage.unpricedCalls == 1)
        try bank.close()

        let reopened = try Bank(path: path)
        #expect(try reopened.runs().count == 2)
        try reopened.close()
    }
}
