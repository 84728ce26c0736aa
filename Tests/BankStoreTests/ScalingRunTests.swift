import Foundation
import GRDB
import ReasoningBank
import Testing

@testable import BankStore

@Suite("MaTTS runs in the bank (migration v5)")
struct ScalingRunTests {
    @Test("a MaTTS run keeps every attempt and is labelled in the run history; a plain run is not")
    func labelAndRoundTrip() async throws {
        let bank = try Bank.inMemory()
        var scaled = Samples.run(id: "r-0000000scale", steps: 2)
        var log = ScalingLog(mode: .parallel, k: 3)
        log.attempts = (0..<3).map { index in
            var attempt = ScalingAttempt(index: index, status: index == 1 ? .success : .failure)
            attempt.trajectory = scaled.trajectory
            return attempt
        }
        log.chosenIndex = 1
        log.passAtOneIndex = 2
        log.selection = BestOfNSelection(chosenIndex: 1, reason: "it checked the page", byModel: true)
        scaled.scaling = log
        try await bank.record(scaled)
        try await bank.record(Samples.run(id: "r-00000000plain", steps: 1))
        let summaries = try bank.runs()
        #expect(summaries.first { $0.id == scaled.id }?.scaling == "matts-parallel k=3")
        #expect(summaries.first { $0.id == "r-00000000plain" }?.scaling == nil)
        let read = try #require(try bank.run(id: scaled.id))
        #expect(read.scaling == log)
        // Usage counts every attempt, not the chosen trajectory twice.
        #expect(read.usage.calls == scaled.usage.calls)
        #expect(read.usage.calls == 3 * scaled.trajectory.steps.reduce(0) { $0 + $1.call.usage.calls })
    }

    @Test("v5 labels the MaTTS runs a bank already holds, from their records")
    func backfill() async throws {
        let bank = try Bank.inMemory()
        var scaled = Samples.run(id: "r-00000backfil", steps: 1)
        scaled.scaling = ScalingLog(mode: .sequential, k: 5)
        try await bank.record(scaled)
        try await bank.writer.write { db in
            try db.execute(sql: "UPDATE run SET scaling = NULL")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5'")
            try db.execute(sql: "ALTER TABLE run DROP COLUMN scaling")
        }
        try BankSchema.migrator.migrate(bank.writer)
        #expect(try bank.runs().first?.scaling == "matts-sequential k=5")
    }
}
