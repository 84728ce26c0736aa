import Foundation
import ReasoningBank
import TestSupport
import Testing

private let goodItems = """
    Thinking: the agent answered directly.

    # Memory Item 1
    ## Title Answer with the exact value
    ## Description Use when the task asks to repeat something.
    ## Content Send the requested text exactly, without extra words.
    """

private func loop(
    model: any LanguageModel, environment: any Environment = EchoEnvironment(expected: ["t1": "hello"]),
    store: any MemoryStore, control: any RunControl = UnattendedControl(), settings: LoopSettings = LoopSettings()
) throws -> ClosedLoop {
    ClosedLoop(
        models: ModelRoles(all: model), embedder: WordEmbedder(), environment: environment, store: store,
        prompts: try ProjectFiles.defaultPrompts(), settings: settings, control: control)
}

private let task = TaskSpec(id: "t1", query: "Say hello", environment: "echo")

private func successModel() -> ScriptedModel {
    ScriptedModel(fallback: [
        .agent: "Thought: I should say it.\nAction: finish('hello')",
        .judge: "Thoughts: The agent said hello.\nStatus: \"success\"",
        .extractSuccess: goodItems,
        .extractFailure: goodItems,
    ])
}

@Suite("The closed loop")
struct ClosedLoopTests {
    @Test("a successful run streams its events in order and stores its items with provenance")
    func successfulRun() async throws {
        let store = InMemoryMemoryStore()
        var names: [String] = []
        var final: RunRecord?
        for try await event in try loop(model: successModel(), store: store).run(task) {
            switch event {
            case .started: names.append("started")
            case .retrieved: names.append("retrieved")
            case .modelDelta: break
            case .step: names.append("step")
            case .judged: names.append("judged")
            case .extracted: names.append("extracted")
            case .consolidated: names.append("consolidated")
            case .finished(let record): names.append("finished"); final = record
            case .failed: names.append("failed")
            case .attempt, .attemptEnded, .selected: names.append("scaling")
            }
        }
        #expect(names == ["started", "retrieved", "step", "judged", "extracted", "consolidated", "finished"])
        let record = try #require(final)
        #expect(record.status == .success)
        #expect(record.groundTruth?.success == true)
        #expect(record.judgeAgreesWithGroundTruth == true)
        #expect(record.trajectory.finalAnswer == "hello")
        #expect(record.storedItemIDs.count == 1)
        let stored = try await store.experiences()
        #expect(stored.count == 1)
        let item = try #require(stored.first?.items.first)
        #expect(item.id == record.storedItemIDs[0])
        #expect(item.provenance.runID == record.id)
        #expect(item.provenance.taskID == "t1")
        #expect(item.provenance.verdict == .success)
        #expect(stored.first?.queryEmbedding?.count == 64)
        #expect(await store.runs[record.id]?.status == .success)
    }

    @Test("at most the configured number of items is kept per trajectory")
    func itemCap() async throws {
        let many = (1...5).map { "# Memory Item \($0)\n## Title T\($0)\n## Description D\n## Content C\($0)" }.joined(separator: "\n\n")
        let model = ScriptedModel(fallback: [
            .agent: "Thought: go\nAction: finish('hello')", .judge: "Thoughts: ok\nStatus: success", .extractSuccess: many,
        ])
        let record = try await loop(model: model, store: InMemoryMemoryStore()).runToCompletion(task)
        #expect(record.extracted.map(\.title) == ["T1", "T2", "T3"])
    }

    @Test("a model that throws ends the run as error and nothing is extracted or consolidated")
    func modelOutage() async throws {
        let store = InMemoryMemoryStore()
        let record = try await loop(model: FailingModel(), store: store).runToCompletion(task)
        #expect(record.status == .error)
        #expect(record.errorMessage?.contains("529") == true)
        #expect(record.verdict == nil)
        #expect(record.extracted.isEmpty)
        #expect(try await store.experiences().isEmpty)
        #expect(await store.runs[record.id]?.status == .error)
    }

    @Test("a judge outage is an error, not a failure")
    func judgeOutage() async throws {
        let store = InMemoryMemoryStore()
        let model = FailingModel(failing: [.judge], answer: "Thought: go\nAction: finish('hello')")
        let record = try await loop(model: model, store: store).runToCompletion(task)
        #expect(record.status == .error)
        #expect(record.trajectory.steps.count == 1)
        #expect(try await store.experiences().isEmpty)
    }

    @Test("an environment that throws ends the run as error", arguments: [EchoEnvironment.Fault.onMakeSession, .onReset, .onStep])
    func environmentCrash(fault: EchoEnvironment.Fault) async throws {
        let store = InMemoryMemoryStore()
        let record = try await loop(
            model: successModel(), environment: EchoEnvironment(expected: ["t1": "hello"], fault: fault), store: store
        ).runToCompletion(task)
        #expect(record.status == .error)
        #expect(record.errorMessage?.contains("environment") == true)
        #expect(record.extracted.isEmpty)
        #expect(try await store.experiences().isEmpty)
    }

    @Test("an unparsable verdict is recorded as such and nothing is extracted")
    func unparsableVerdict() async throws {
        let model = ScriptedModel(fallback: [
            .agent: "Thought: go\nAction: finish('hello')", .judge: "I think it went fine.", .extractSuccess: goodItems,
        ])
        let store = InMemoryMemoryStore()
        let record = try await loop(model: model, store: store).runToCompletion(task)
        #expect(record.status == .unjudged)
        #expect(record.verdict?.status == nil)
        #expect(record.verdict?.parseFailure == "no Status: found")
        #expect(record.extracted.isEmpty)
        #expect(try await store.experiences().isEmpty)
    }

    @Test("an unparsable agent output becomes a step with a parse failure, and the agent stops at max steps")
    func maxSteps() async throws {
        var settings = LoopSettings()
        settings.maxSteps = 3
        let model = ScriptedModel(fallback: [.agent: "I refuse to use the format", .judge: "Thoughts: no answer\nStatus: failure"])
        let record = try await loop(model: model, store: InMemoryMemoryStore(), settings: settings).runToCompletion(task)
        #expect(record.trajectory.steps.count == 3)
        #expect(record.trajectory.steps.allSatisfy { $0.parseFailure == "no Action: found" })
        #expect(record.status == .failure)
        #expect(record.groundTruth?.success == false)
    }

    @Test("the agent prompt carries the injection preamble and the retrieved items; the run logs them")
    func injection() async throws {
        let store = InMemoryMemoryStore()
        _ = try await loop(model: successModel(), store: store).runToCompletion(TaskSpec(id: "t0", query: "Say hello please", environment: "echo"))
        let model = successModel()
        let record = try await loop(model: model, store: store).runToCompletion(task)
        #expect(record.retrieval.hits.count == 1)
        #expect(record.retrieval.injectedItemIDs.count == 1)
        #expect(record.retrieval.hits[0].taskID == "t0")
        let agentRequest = try #require(await model.requests.first { $0.purpose == .agent })
        #expect(agentRequest.system.contains("memory items that I accumulated"))
        #expect(agentRequest.system.contains("## Title Answer with the exact value"))
    }

    @Test("the leakage guard never retrieves the same task; without it, the task finds itself")
    func leakageGuard() async throws {
        let store = InMemoryMemoryStore()
        _ = try await loop(model: successModel(), store: store).runToCompletion(task)
        let guarded = try await loop(model: successModel(), store: store).runToCompletion(task)
        #expect(guarded.retrieval.hits.isEmpty)
        #expect(guarded.retrieval.excludedByLeakageGuard.count == 1)
        var settings = LoopSettings()
        settings.retrieval.leakageGuard = false
        let unguarded = try await loop(model: successModel(), store: store, settings: settings).runToCompletion(task)
        #expect(unguarded.retrieval.hits.first?.taskID == "t1")
    }

    @Test("memory mode none retrieves and stores nothing")
    func noMemory() async throws {
        var settings = LoopSettings()
        settings.memoryMode = .none
        let store = InMemoryMemoryStore()
        _ = try await loop(model: successModel(), store: store, settings: settings).runToCompletion(TaskSpec(id: "a", query: "Say hello", environment: "echo"))
        let record = try await loop(model: successModel(), store: store, settings: settings).runToCompletion(task)
        #expect(record.retrieval.hits.isEmpty)
        #expect(record.extracted.isEmpty)
        #expect(try await store.experiences().isEmpty)
    }

    @Test("gates: overrides are applied and recorded on the run")
    func gates() async throws {
        let store = InMemoryMemoryStore()
        let control = RecordingControl(answers: [
            "before-injection": .injectInstead([]),
            "before-judging": .overrideVerdict(.failure),
            "before-consolidation": .skipConsolidation,
        ])
        let record = try await loop(model: successModel(), store: store, control: control).runToCompletion(task)
        #expect(record.verdict?.status == .failure)
        #expect(record.status == .failure)
        #expect(record.overrides.map(\.gate) == ["before-injection", "before-judging", "before-consolidation"])
        #expect(try await store.experiences().isEmpty)
        let seen = await control.seen
        #expect(seen.first == "before-injection")
        #expect(seen.contains("before-model-call"))
    }

    @Test("a verdict flipped at the consolidation gate is the run's verdict, and its items are stored under it")
    func flipAtConsolidation() async throws {
        let store = InMemoryMemoryStore()
        let control = RecordingControl(answers: ["before-consolidation": .overrideVerdict(.failure)])
        let record = try await loop(model: successModel(), store: store, control: control).runToCompletion(task)
        #expect(record.verdict?.status == .failure)
        #expect(record.verdict?.overriddenFrom == .success)
        #expect(record.status == .failure)
        #expect(record.overrides.map(\.gate) == ["before-consolidation"])
        let experiences = try await store.experiences()
        #expect(experiences.count == 1)
        #expect(experiences.first?.outcome == .failure)
    }

    @Test("cancel at a gate records the run as cancelled")
    func cancelAtGate() async throws {
        let store = InMemoryMemoryStore()
        let control = RecordingControl(answers: ["before-judging": .cancel])
        let record = try await loop(model: successModel(), store: store, control: control).runToCompletion(task)
        #expect(record.status == .cancelled)
        #expect(await store.runs[record.id]?.status == .cancelled)
        #expect(try await store.experiences().isEmpty)
    }

    @Test("an edited prompt is what the model receives")
    func editedPrompt() async throws {
        let edited = ModelRequest(
            purpose: .agent, system: "EDITED", messages: [ChatMessage(role: .user, content: "x")], temperature: 0,
            maxTokens: 10)
        let model = successModel()
        let control = RecordingControl(answers: ["before-model-call": .sendInstead(edited)])
        _ = try await loop(model: model, store: InMemoryMemoryStore(), control: control).runToCompletion(task)
        #expect(await model.requests.first?.system == "EDITED")
    }
}

/// A model that never answers until its task is cancelled.
private struct HangingModel: LanguageModel {
    let descriptor = ModelDescriptor(provider: "test", model: "hanging", isSimulation: true)
    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        try await Task.sleep(for: .seconds(3600))
        return ModelResponse(text: "", usage: Usage())
    }
}

@Suite("Cancelling a run")
struct CancellationTests {
    @Test("cancelling the task mid-call records the run as cancelled and stores nothing")
    func cancelMidCall() async throws {
        let store = InMemoryMemoryStore()
        let loop = ClosedLoop(
            models: ModelRoles(all: HangingModel()), embedder: WordEmbedder(),
            environment: EchoEnvironment(expected: ["t1": "hello"]), store: store,
            prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings())
        let work = Task { try await loop.run(TaskSpec(id: "t1", query: "Say hello", environment: "echo")) { _ in } }
        while await store.runs.isEmpty { await Task.yield() }
        work.cancel()
        let record = try await work.value
        #expect(record.status == .cancelled)
        #expect(await store.runs[record.id]?.status == .cancelled)
        #expect(try await store.experiences().isEmpty)
    }
}

@Suite("Memory modes")
struct MemoryModeTests {
    private func settings(_ mode: MemoryMode) -> LoopSettings {
        var settings = LoopSettings()
        settings.memoryMode = mode
        return settings
    }

    @Test("synapse stores a successful trajectory whole, without a model call, and nothing from failures")
    func synapse() async throws {
        let store = InMemoryMemoryStore()
        let model = successModel()
        let record = try await loop(model: model, store: store, settings: settings(.synapse)).runToCompletion(task)
        #expect(record.extracted.count == 1)
        #expect(record.extracted[0].content.contains("<action>finish('hello')</action>"))
        #expect(await !model.requests.contains { $0.purpose == .extractSuccess || $0.purpose == .induceWorkflow })
        #expect(try await store.experiences().first?.items.first?.provenance.source == .exemplar)

        let failing = ScriptedModel(fallback: [.agent: "Thought: x\nAction: finish('no')", .judge: "Thoughts: wrong\nStatus: failure"])
        let failed = try await loop(model: failing, store: InMemoryMemoryStore(), settings: settings(.synapse)).runToCompletion(task)
        #expect(failed.extracted.isEmpty)
    }

    @Test("awm induces workflows from successes with the workflow prompt, and nothing from failures")
    func awm() async throws {
        let workflow = "# Memory Item 1\n## Title Workflow: reply\n## Description Tasks that ask to say a word\n## Content 1. finish({word})"
        let model = ScriptedModel(fallback: [
            .agent: "Thought: go\nAction: finish('hello')", .judge: "Thoughts: ok\nStatus: success", .induceWorkflow: workflow,
        ])
        let store = InMemoryMemoryStore()
        let record = try await loop(model: model, store: store, settings: settings(.awm)).runToCompletion(task)
        #expect(record.extracted.map(\.title) == ["Workflow: reply"])
        let request = try #require(await model.requests.first { $0.purpose == .induceWorkflow })
        #expect(request.system.contains("Agent Workflow Memory"))
        #expect(try await store.experiences().first?.items.first?.provenance.source == .workflow)

        let failing = ScriptedModel(fallback: [.agent: "Thought: x\nAction: finish('no')", .judge: "Thoughts: wrong\nStatus: failure"])
        let failed = try await loop(model: failing, store: InMemoryMemoryStore(), settings: settings(.awm)).runToCompletion(task)
        #expect(failed.extracted.isEmpty)
    }
}
