import Foundation
import GRDB
import ReasoningBank
import Testing

@testable import BankStore

@Suite("MemoryStore conformance")
struct MemoryStoreTests {
    @Test("consolidate then experiences() round-trips every field, embeddings included, in insertion order")
    func consolidateRoundTrips() async throws {
        let bank = try Bank.inMemory()
        let first = Samples.experience()
        var second = Samples.experience(id: "x-000000000002", itemIDs: ["m-bbbb55556666"], runID: nil, outcome: nil)
        second.queryEmbedding = nil
        second.embeddingModel = nil
        second.taskID = nil
        second.trajectoryText = nil
        second.items[0].isPinned = true
        second.items[0].provenance.verdict = nil
        var third = Samples.experience(id: "x-000000000003", itemIDs: [], outcome: .failure)
        third.memoryMode = .none
        for experience in [first, second, third] { try await bank.consolidate(experience) }

        let stored = try await bank.experiences()
        #expect(stored == [first, second, third])
        #expect(stored[0].queryEmbedding == [0.1, -3.4028235e38, .leastNonzeroMagnitude, Float.pi, 0, -0.5])
        #expect(stored[0].items.map(\.revision) == [1, 1])
        #expect(stored[0].items.allSatisfy { $0.provenance.experienceID == first.id })
    }

    @Test("consolidate refuses an existing experience or item id and writes nothing")
    func consolidateRefusesDuplicates() async throws {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        let counts = try bank.rowCounts()
        await #expect(throws: BankError.duplicateID(kind: "experience", id: "x-000000000001")) {
            try await bank.consolidate(Samples.experience())
        }
        // A new experience whose second item collides: the whole experience is rolled back.
        let clash = Samples.experience(id: "x-000000000009", itemIDs: ["m-new000000001", "m-aaaa11112222"])
        await #expect(throws: BankError.duplicateID(kind: "memory item", id: "m-aaaa11112222")) {
            try await bank.consolidate(clash)
        }
        #expect(try bank.rowCounts() == counts)
    }

    @Test("record upserts the run and replaces its steps and retrieval rows")
    func recordUpserts() async throws {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        var run = Samples.run(status: .running, steps: 3, hitItems: ["m-aaaa11112222", "m-aaaa33334444"],
            injected: ["m-aaaa11112222"])
        run.finishedAt = nil
        try await bank.record(run)
        #expect(try bank.run(id: run.id) == run)
        #expect(try bank.runs().map(\.status) == [.running])

        var finished = Samples.run(status: .success, steps: 2, hitItems: ["m-aaaa33334444"], injected: [])
        finished.id = run.id
        try await bank.record(finished)
        #expect(try bank.run(id: "r-00000000aa") == finished)
        let counts = try bank.rowCounts()
        #expect(counts["run"] == 1)
        #expect(counts["run_step"] == 2)
        #expect(counts["retrieval_log"] == 1)
        #expect(counts["run_injected_item"] == 0)

        let summary = try #require(try bank.runs(limit: 5).first)
        #expect(summary.id == run.id)
        #expect(summary.status == .success)
        #expect(summary.stepCount == 2)
        #expect(summary.usage.inputTokens == 300)
        #expect(summary.usage.outputTokens == 30)
        #expect(summary.model == "offline/sim-1 (simulation)")
        #expect(summary.environment == "shop")
        #expect(summary.experienceID == "x-000000000001")

        let logs = try bank.retrievalLogs(runID: "00000000aa")
        #expect(logs == [
            RetrievalLogEntry(runID: run.id, rank: 1, experienceID: "x-000000000001", taskID: "shop-1",
                query: "find the cheapest mouse ✓", score: 0.8125, itemIDs: ["m-aaaa33334444"])
        ])
        let steps = try bank.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run_step ORDER BY ordinal")
        }
        #expect(steps.map { $0["prompt"] as String } == finished.trajectory.steps.map(\.call.request.renderedPrompt))
        #expect(steps.map { $0["raw_response"] as String } == finished.trajectory.steps.map(\.call.response))
        #expect(steps.map { $0["latency_ms"] as Double } == [12.5, 12.5])
    }

    @Test("item usage counts the runs that retrieved or were shown an item, and their success rate")
    func itemUsage() async throws {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        try await bank.record(Samples.run(id: "r-000000000001", status: .success, hitItems: ["m-aaaa11112222"],
            injected: ["m-aaaa11112222"], started: 1))
        try await bank.record(Samples.run(id: "r-000000000002", status: .failure, hitItems: ["m-aaaa11112222", "m-aaaa33334444"],
            injected: [], started: 2))
        try await bank.record(Samples.run(id: "r-000000000003", status: .success, hitItems: [],
            injected: [], started: 3))
        var injectedOnly = Samples.run(id: "r-000000000004", status: .error, started: 4)
        injectedOnly.retrieval.injectedItemIDs = ["m-aaaa11112222"]
        try await bank.record(injectedOnly)

        let usage = try bank.usage(of: "aaaa1111")
        #expect(usage.itemID == "m-aaaa11112222")
        #expect(usage.timesRetrieved == 3)
        #expect(usage.timesInjected == 2)
        #expect(usage.successes == 1)
        #expect(usage.failures == 1)
        #expect(usage.successRate == 0.5)
        #expect(usage.runIDs == ["r-000000000004", "r-000000000002", "r-000000000001"])

        let other = try bank.usage(of: "m-aaaa3333")
        #expect(other.timesRetrieved == 1)
        #expect(other.successRate == 0)
        #expect(try bank.runs(status: .success).map(\.id) == ["r-000000000003", "r-000000000001"])
        #expect(try bank.runs(limit: 2).map(\.id) == ["r-000000000004", "r-000000000003"])
        #expect(try bank.stats().runsByStatus == ["success": 2, "failure": 1, "error": 1])
    }
}
