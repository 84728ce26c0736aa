import Foundation

/// The closed loop for one task: retrieve → act → judge → extract → consolidate (DESIGN §3).
///
/// A run is an event stream. Each gate asks the `RunControl`; every override is recorded on the run.
/// Infrastructure failures end the run as `error` and nothing is extracted from it.
public struct ClosedLoop: Sendable {
    public var models: ModelRoles
    public var embedder: any Embedder
    public var environment: any Environment
    public var store: any MemoryStore
    public var prompts: PromptSet
    public var settings: LoopSettings
    public var control: any RunControl
    public var clock: any RunClock

    public init(
        models: ModelRoles, embedder: any Embedder, environment: any Environment, store: any MemoryStore,
        prompts: PromptSet, settings: LoopSettings, control: any RunControl = UnattendedControl(),
        clock: any RunClock = SystemRunClock()
    ) {
        self.models = models
        self.embedder = embedder
        self.environment = environment
        self.store = store
        self.prompts = prompts
        self.settings = settings
        self.control = control
        self.clock = clock
    }

    /// Runs `task`, yielding events. The stream ends after `.finished` or `.failed`; it throws only when
    /// the run could not even be recorded. Ending the iteration early cancels the run.
    public func run(_ task: TaskSpec) -> AsyncThrowingStream<RunEvent, any Error> {
        AsyncThrowingStream { continuation in
            let work = Task {
                do {
                    _ = try await run(task) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in work.cancel() }
        }
    }

    /// Runs `task` in the calling task, reporting each event to `events`, and returns the record.
    ///
    /// Cancelling the calling task cancels the run; it is still recorded (as `cancelled`) and returned.
    /// Throws only when the run could not even be recorded.
    @discardableResult
    public func run(_ task: TaskSpec, events: @escaping @Sendable (RunEvent) -> Void) async throws -> RunRecord {
        let record = try await execute(task, emit: events)
        events(record.status == .error || record.status == .cancelled ? .failed(record) : .finished(record))
        return record
    }

    /// Runs `task` to the end and returns its record.
    public func runToCompletion(_ task: TaskSpec) async throws -> RunRecord {
        try await run(task) { _ in }
    }

    private func execute(_ task: TaskSpec, emit: @escaping @Sendable (RunEvent) -> Void) async throws -> RunRecord {
        var record = RunRecord(
            task: task, model: models.agent.descriptor, embedder: embedder.name, memoryMode: settings.memoryMode,
            settings: settings, promptSet: prompts.info, startedAt: clock.now())
        // Store writes are not interrupted half-way: a write that commits is never reported as cancelled.
        let initial = record
        try await Task { try await store.record(initial) }.value
        emit(.started(record))
        var session: (any EnvironmentSession)?
        do {
            try await steps(task, record: &record, session: &session, emit: emit)
        } catch is CancellationError {
            record.status = .cancelled
            record.errorMessage = "The run was cancelled."
        } catch {
            record.status = .error
            record.errorMessage = String(describing: error)
        }
        if let session { await session.close() }
        record.finishedAt = clock.now()
        let finalRecord = record
        // Record even when this task is cancelled: a fresh task does not inherit the cancellation.
        try await Task { try await store.record(finalRecord) }.value
        return finalRecord
    }

    private func steps(
        _ task: TaskSpec, record: inout RunRecord, session: inout (any EnvironmentSession)?,
        emit: @escaping @Sendable (RunEvent) -> Void
    ) async throws {
        let gates = GateKeeper(control: control, clock: clock)

        // Retrieve (and embed the query even without memory, so the experience can be found later).
        let experiences: [Experience]
        do { experiences = settings.memoryMode == .none ? [] : try await store.experiences() } catch {
            throw LoopError.wrap(error, as: LoopError.store)
        }
        let retrieval: RetrievalResult
        do {
            retrieval = try await Retriever(settings: settings.retrieval, embedder: embedder)
                .retrieve(query: task.query, taskID: task.id, from: experiences)
        } catch {
            throw LoopError.wrap(error, as: LoopError.embedder)
        }
        var memories = retrieval.items
        if settings.memoryMode != .none {
            if case .injectInstead(let chosen) = try await gates.ask(
                .beforeInjection(task: task, memories: memories), overrides: &record.overrides)
            {
                memories = chosen
            }
        }
        record.retrieval = RetrievalLog(
            hits: retrieval.hits, injectedItemIDs: memories.map(\.id),
            excludedByLeakageGuard: retrieval.excludedByLeakageGuard)
        emit(.retrieved(record.retrieval, injected: memories))

        // Act.
        do { session = try await environment.makeSession(for: task) } catch {
            throw LoopError.wrap(error, as: LoopError.environment)
        }
        guard let session else { return }
        let agent = Agent(
            caller: ModelCaller(model: models.agent, emit: emit), prompts: prompts, settings: settings, gates: gates,
            actionGuide: environment.actionGuide)
        try await agent.act(task: task, session: session, memories: memories, record: &record)
        do { record.groundTruth = try await session.evaluate() } catch {
            throw LoopError.wrap(error, as: LoopError.environment)
        }

        // Judge.
        var verdict: Verdict
        switch try await gates.ask(.beforeJudging(record.trajectory), overrides: &record.overrides) {
        case .overrideVerdict(let status):
            verdict = Verdict(status: status, thoughts: "Set by a person at the gate.", rawResponse: "")
        default:
            let judge = Judge(
                caller: ModelCaller(model: models.judge, emit: emit), prompts: prompts, settings: settings, gates: gates)
            verdict = try await judge.judge(task: task, trajectory: record.trajectory, record: &record)
        }
        record.verdict = verdict
        emit(.judged(verdict, record.groundTruth))

        // Extract.
        let extractor = Extractor(
            caller: ModelCaller(model: models.extractor, emit: emit), prompts: prompts, settings: settings, gates: gates)
        var items = try await extractor.extract(task: task, trajectory: record.trajectory, verdict: verdict, record: &record)
        record.extracted = items
        emit(.extracted(items))

        // Consolidate.
        if !items.isEmpty {
            switch try await gates.ask(.beforeConsolidation(verdict: verdict, items: items), overrides: &record.overrides) {
            case .consolidateInstead(let chosen): items = chosen
            case .skipConsolidation: items = []
            case .overrideVerdict(let status) where status != verdict.status:
                // A person flipped the verdict after reading it: the run and its items take the new one.
                verdict.overriddenFrom = verdict.status
                verdict.status = status
                record.verdict = verdict
                emit(.judged(verdict, record.groundTruth))
            default: break
            }
        }
        if !items.isEmpty {
            let experience = try await Consolidator(store: store, clock: clock).consolidate(
                items: items, record: record, outcome: verdict.status, queryEmbedding: retrieval.queryEmbedding,
                embedderName: embedder.name)
            record.experienceID = experience.id
            record.storedItemIDs = experience.items.map(\.id)
            emit(.consolidated(experience))
        }
        record.status = verdict.status.map { $0 == .success ? .success : .failure } ?? .unjudged
    }
}
