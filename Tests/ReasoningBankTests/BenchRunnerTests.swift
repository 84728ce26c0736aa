import Foundation
import ReasoningBank
import TestSupport
import Testing

@Suite("Bench runner")
struct BenchRunnerTests {
    /// Answers `finish('hello')` only when a memory is injected, so memory visibly helps.
    private static let model = ScriptedModel(fallback: [
        .agent: "Thought: go\nAction: finish('hello')",
        .judge: "Thoughts: fine\nStatus: success",
        .extractSuccess: "# Memory Item 1\n## Title T\n## Description D\n## Content C",
    ])

    @Test("each mode gets a fresh store, tasks run in order, and the figures add up")
    func figures() async throws {
        let created = StoreLog()
        let environment = EchoEnvironment(expected: ["a": "hello", "b": "hello", "c": "bye"])
        let tasks = try await environment.tasks()
        let runner = BenchRunner(
            models: ModelRoles(all: Self.model), embedder: WordEmbedder(), environment: environment,
            prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings()
        ) { mode in
            await created.add(mode)
            return InMemoryMemoryStore()
        }
        let start = BenchResult(
            environment: "echo", model: Self.model.descriptor, embedder: "w", seed: 0, taskIDs: tasks.map(\.id),
            modes: [.none, .reasoningbank], startedAt: Date())
        let result = try await runner.run(tasks, into: start)
        #expect(await created.modes.sorted { $0.rawValue < $1.rawValue } == [.none, .reasoningbank])
        for mode in result.modes {
            #expect(mode.outcomes.map(\.taskID) == ["a", "b", "c"])
            #expect(mode.successRate == 2.0 / 3.0)
            #expect(mode.averageSteps == 1)
            #expect(mode.judgeAccuracy == 2.0 / 3.0)
            #expect(mode.learningCurve == [1, 1, 2.0 / 3.0])
        }
        // A run that broke on infrastructure says nothing about steps: it does not pull the average down.
        var withError = result.modes[0]
        var broken = withError.outcomes[0]
        broken.status = .error
        broken.steps = 0
        broken.groundTruthSuccess = nil
        withError.outcomes.append(broken)
        #expect(withError.averageSteps == 1)
        #expect(withError.successRate == 2.0 / 3.0)
        #expect(withError.errors == 1)
        #expect(result.modes[0].outcomes.allSatisfy { !$0.shownMemories })
        #expect(result.modes[1].outcomes.dropFirst().allSatisfy { $0.shownMemories })
        #expect(!result.cancelled)
        #expect(result.finishedAt != nil)
    }
}

private actor StoreLog {
    var modes: [MemoryMode] = []
    func add(_ mode: MemoryMode) { modes.append(mode) }
}
