import Foundation
import ReasoningBank
import Synchronization
import TestSupport
import Testing

private let items = """
    Thinking: comparing them, the right ones answered exactly.

    # Memory Item 1
    ## Title Answer with the exact value
    ## Description Use when the task asks to repeat something.
    ## Content Send the requested text exactly, without extra words.
    """

/// Every request a `SampleModel` received, with the sample that received it.
private final class Requests: Sendable {
    private let list = Mutex<[(sample: Int, request: ModelRequest)]>([])
    func append(_ sample: Int, _ request: ModelRequest) { list.withLock { $0.append((sample, request)) } }
    var all: [(sample: Int, request: ModelRequest)] { list.withLock { $0 } }
    func of(_ purpose: ModelPurpose) -> [ModelRequest] { all.map(\.request).filter { $0.purpose == purpose } }
}

/// A model whose agent answers per sample (`answers[sample]`, else `hello`); the judge says success
/// exactly when the response is `hello`; extraction returns `items`; the selector says `selector`.
private struct SampleModel: LanguageModel {
    let descriptor = ModelDescriptor(provider: "test", model: "per-sample", isSimulation: true)
    var sample = 0
    var answers: [Int: String] = [:]
    var selector = "Thoughts: Candidate 2 answered exactly.\nBest: 2"
    var requests = Requests()

    func sampled(_ index: Int) -> any LanguageModel {
        var copy = self
        copy.sample = index
        return copy
    }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        requests.append(sample, request)
        let text: String
        switch request.purpose {
        case .agent: text = "Thought: I answer.\nAction: finish('\(answers[sample] ?? "hello")')"
        case .judge:
            let said = request.messages.last?.content.contains("Bot response to the user: hello") ?? false
            text = "Thoughts: checked.\nStatus: \"\(said ? "success" : "failure")\""
        case .selectBest: text = selector
        default: text = items
        }
        return ModelResponse(text: text, usage: Usage(inputTokens: 10, outputTokens: 5, calls: 1))
    }
}

/// An environment whose `failing`-th session (1-based, in the order they are opened) crashes on reset.
private struct FlakyEnvironment: Environment {
    let base = EchoEnvironment(expected: ["t1": "hello"])
    let failing: Set<Int>
    let opened = Opened()
    var name: String { base.name }
    var actionGuide: String { base.actionGuide }
    func tasks() async throws -> [TaskSpec] { try await base.tasks() }
    func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession {
        let number = opened.next()
        if failing.contains(number) { throw EchoEnvironment.Crash() }
        return try await base.makeSession(for: task)
    }
}

/// Counts sessions opened or calls begun.
private final class Opened: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    var count: Int { value.withLock { $0 } }
}

private let task = TaskSpec(id: "t1", query: "Say hello", environment: "echo")

private func matts(
    _ mode: ScalingMode, k: Int, model: SampleModel, environment: any Environment = EchoEnvironment(expected: ["t1": "hello"]),
    store: InMemoryMemoryStore = InMemoryMemoryStore(), control: any RunControl = UnattendedControl()
) throws -> MaTTS {
    let loop = ClosedLoop(
        models: ModelRoles(all: model), embedder: WordEmbedder(), environment: environment, store: store,
        prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings(), control: control)
    return MaTTS(loop: loop, scaling: ScalingSettings(mode: mode, k: k))
}

@Suite("MaTTS: parallel and sequential scaling")
struct MaTTSTests {
    @Test("parallel runs k judged trajectories, the selector's choice is the answer, and pass@1 is recorded")
    func parallel() async throws {
        let model = SampleModel(answers: [0: "nope", 2: "nope"])
        let store = InMemoryMemoryStore()
        let record = try await matts(.parallel, k: 3, model: model, store: store).run(task) { _ in }
        let scaling = try #require(record.scaling)
        #expect(scaling.attempts.map(\.status) == [.failure, .success, .failure])
        #expect(scaling.attempts.map { $0.groundTruth?.success } == [false, true, false])
        #expect(scaling.chosenIndex == 1)
        #expect(scaling.selection?.byModel == true)
        #expect(scaling.selection?.reason == "Candidate 2 answered exactly.")
        #expect(record.status == .success)
        #expect(record.trajectory.finalAnswer == "hello")
        #expect(record.groundTruth?.success == true)
        let passAtOne = try #require(scaling.passAtOneIndex)
        #expect((0..<3).contains(passAtOne))
        #expect(scaling.passAtOneSuccess == (passAtOne == 1))
        // Every trajectory was its own sample; memory comes from one self-contrast call, stored once.
        #expect(Set(model.requests.all.filter { $0.request.purpose == .agent }.map(\.sample)) == [0, 1, 2])
        #expect(model.requests.of(.extractContrast).count == 1)
        #expect(model.requests.of(.extractSuccess).isEmpty && model.requests.of(.extractFailure).isEmpty)
        #expect(model.requests.of(.selectBest).count == 1)
        #expect(await store.stored.count == 1)
        #expect(await store.stored.first?.items.map(\.provenance.source) == [.selfContrast])
        #expect(record.storedItemIDs.count == 1)
        // Usage counts every attempt and the extra calls: 3 agent + 3 judge + selector + extraction.
        #expect(record.usage.calls == 8)
    }

    @Test("self-contrast prompts carry each trajectory's verdict, and the selector's do not")
    func contrastCarriesVerdicts() async throws {
        let model = SampleModel(answers: [0: "nope"])
        _ = try await matts(.parallel, k: 3, model: model).run(task) { _ in }
        let contrast = try #require(model.requests.of(.extractContrast).first)
        let text = contrast.messages.map(\.content).joined()
        #expect(text.contains("## Trajectory 1 (judged: failure)"))
        #expect(text.contains("## Trajectory 2 (judged: success)"))
        #expect(text.contains("## Trajectory 3 (judged: success)"))
        #expect(text.contains("<final_answer>nope</final_answer>"))
        #expect(contrast.system.contains("at most 5"))
        #expect(contrast.temperature == 0.7)
        let selection = try #require(model.requests.of(.selectBest).first)
        let candidates = selection.messages.map(\.content).joined()
        #expect(candidates.contains("## Candidate 3"))
        #expect(!candidates.contains("judged"))
        #expect(selection.temperature == 0)
    }

    @Test("an environment instance that breaks leaves the other trajectories finished")
    func erroringInstance() async throws {
        let model = SampleModel()
        let environment = FlakyEnvironment(failing: [2])
        let collected = Mutex<[ScalingAttempt]>([])
        let record = try await matts(.parallel, k: 3, model: model, environment: environment).run(task) { event in
            if case .attemptEnded(let attempt) = event { collected.withLock { $0.append(attempt) } }
        }
        let ended = collected.withLock { $0 }
        let scaling = try #require(record.scaling)
        #expect(ended.count == 3)
        #expect(scaling.attempts.filter { $0.status == .error }.count == 1)
        #expect(scaling.attempts.filter { $0.status == .success }.count == 2)
        let broken = try #require(scaling.attempts.first { $0.status == .error })
        #expect(broken.errorMessage?.contains("simulated crash") == true)
        #expect(record.status == .success)
        #expect(record.errorMessage == nil)
        // The selector compared the two that finished.
        let selection = try #require(model.requests.of(.selectBest).first)
        #expect(selection.system.contains("2 candidate"))
        #expect(scaling.chosenIndex != broken.index)
    }

    @Test("when every trajectory breaks the run is an error that says why, and nothing is stored")
    func allBroken() async throws {
        let store = InMemoryMemoryStore()
        let record = try await matts(
            .parallel, k: 2, model: SampleModel(), environment: EchoEnvironment(fault: .onReset), store: store
        ).run(task) { _ in }
        #expect(record.status == .error)
        #expect(record.errorMessage?.contains("No trajectory ran to an end") == true)
        #expect(record.errorMessage?.contains("trajectory 2:") == true)
        #expect(await store.stored.isEmpty)
    }

    @Test("a selector answer that does not parse falls back to a trajectory the judge accepted")
    func selectorFallback() async throws {
        let model = SampleModel(answers: [0: "nope"], selector: "I like them all.")
        let record = try await matts(.parallel, k: 3, model: model).run(task) { _ in }
        let selection = try #require(record.scaling?.selection)
        #expect(selection.byModel == false)
        #expect(selection.parseFailure != nil)
        #expect(selection.chosenIndex == 1)
        #expect(selection.reason.contains("fell back to the first trajectory the judge accepted"))
    }

    @Test("k = 1 is a plain run: no selector, the plain extraction")
    func kOne() async throws {
        let model = SampleModel()
        let record = try await matts(.parallel, k: 1, model: model).run(task) { _ in }
        #expect(record.status == .success)
        #expect(model.requests.of(.selectBest).isEmpty)
        #expect(model.requests.of(.extractContrast).isEmpty)
        #expect(model.requests.of(.extractSuccess).count == 1)
        #expect(record.scaling?.chosenIndex == 0)
        #expect(record.scaling?.passAtOneIndex == 0)
        #expect(record.extracted.count == 1)
    }

    @Test("sequential refines one conversation with the check prompts and extracts from every round")
    func sequential() async throws {
        let model = SampleModel(answers: [0: "nope", 1: "nope"])
        let record = try await matts(.sequential, k: 3, model: model).run(task) { _ in }
        let scaling = try #require(record.scaling)
        #expect(scaling.attempts.map(\.status) == [.failure, .failure, .success])
        #expect(scaling.chosenIndex == 2)
        #expect(scaling.selection == nil && scaling.passAtOneIndex == nil)
        #expect(record.trajectory.finalAnswer == "hello")
        let agentCalls = model.requests.all.filter { $0.request.purpose == .agent }
        #expect(agentCalls.map(\.sample) == [0, 1, 2])
        let second = agentCalls[1].request.messages
        let third = agentCalls[2].request.messages
        #expect(second.count == 3 && third.count == 5)
        #expect(second[2].content.hasPrefix("Important: Let's carefully re-examine the previous trajectory"))
        #expect(third[4].content.hasPrefix("Let's check again."))
        #expect(third[3].content.contains("finish('nope')"))
        let extraction = try #require(model.requests.of(.extractRefinement).first)
        let text = extraction.messages.map(\.content).joined()
        #expect(text.contains("## Attempt 1 (judged: failure)") && text.contains("## Attempt 3 (judged: success)"))
        #expect(model.requests.of(.selectBest).isEmpty)
    }

    @Test("a round that breaks ends the refinement; the rounds before it stand")
    func sequentialBreak() async throws {
        let model = SampleModel()
        let record = try await matts(.sequential, k: 3, model: model, environment: FlakyEnvironment(failing: [2]))
            .run(task) { _ in }
        let scaling = try #require(record.scaling)
        #expect(scaling.attempts.map(\.status) == [.success, .error])
        #expect(scaling.chosenIndex == 0)
        #expect(record.status == .success)
    }

    @Test("a person is asked at injection and consolidation only, and a flip at consolidation is the run's verdict")
    func gates() async throws {
        let control = RecordingControl(answers: ["before-consolidation": .overrideVerdict(.failure)])
        let record = try await matts(.parallel, k: 3, model: SampleModel(), control: control).run(task) { _ in }
        #expect(await control.seen == ["before-injection", "before-consolidation"])
        #expect(record.status == .failure)
        #expect(record.verdict?.overriddenFrom == .success)
        #expect(record.overrides.map(\.gate) == ["before-consolidation"])
    }

    @Test("pass@1 is seeded: the same seed and task pick the same trajectory")
    func passAtOneSeeded() throws {
        let first = try matts(.parallel, k: 5, model: SampleModel())
        var other = first
        other.scaling.passAtOneSeed = 99
        let picks = (0..<20).map { first.passAtOneIndex(for: TaskSpec(id: "t\($0)", query: "q", environment: "echo")) }
        #expect(picks == (0..<20).map { first.passAtOneIndex(for: TaskSpec(id: "t\($0)", query: "q", environment: "echo")) })
        #expect(picks.allSatisfy { (0..<5).contains($0) })
        #expect(Set(picks).count > 1)
        let others = (0..<20).map { other.passAtOneIndex(for: TaskSpec(id: "t\($0)", query: "q", environment: "echo")) }
        #expect(others != picks)
    }

    @Test("cancelling a parallel run cancels every trajectory and records the run as cancelled")
    func cancellation() async throws {
        let store = InMemoryMemoryStore()
        let slow = SlowModel(calls: Opened())
        let loop = ClosedLoop(
            models: ModelRoles(all: slow), embedder: WordEmbedder(), environment: EchoEnvironment(expected: ["t1": "hello"]),
            store: store, prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings())
        let matts = MaTTS(loop: loop, scaling: ScalingSettings(mode: .parallel, k: 3))
        let work = Task { try await matts.run(task) { _ in } }
        // Cancel once all three trajectories are waiting for the model.
        for _ in 0..<1000 where slow.calls.count < 3 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(slow.calls.count == 3)
        work.cancel()
        let record = try await work.value
        #expect(record.status == .cancelled)
        #expect(await store.runs[record.id]?.status == .cancelled)
        // The attempts it had are kept on the record.
        #expect(record.scaling?.attempts.map(\.status) == [.cancelled, .cancelled, .cancelled])
        #expect(await store.stored.isEmpty)
    }
}

/// A model that takes ten seconds to answer unless cancelled.
private struct SlowModel: LanguageModel {
    let descriptor = ModelDescriptor(provider: "test", model: "slow", isSimulation: true)
    /// Counts the calls begun.
    let calls: Opened
    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        _ = calls.next()
        try await Task.sleep(for: .seconds(10))
        return ModelResponse(text: "", usage: Usage(calls: 1))
    }
}
