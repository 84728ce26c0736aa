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
        Self.eventStream { events in try await run(task, events: events) }
    }

    /// Runs `body` in a task of its own, streaming the events it reports; the stream ends when it
    /// returns and throws what it throws; ending the iteration early cancels it.
    static func eventStream(
        _ body: @escaping @Sendable (@escaping @Sendable (RunEvent) -> Void) async throws -> RunRecord
    ) -> AsyncThrowingStream<RunEvent, any Error> {
        AsyncThrowingStream { continuation in
            let work = Task {
                do {
                    _ = try await body { continuation.yield($0) }
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
        try await recordRun(newRecord(for: task), emit: events) { record in
            try await steps(task, record: &record, emit: events)
        }
    }

    /// Runs `task` to the end and returns its record.
    public func runToCompletion(_ task: TaskSpec) async throws -> RunRecord {
        try await run(task) { _ in }
    }

    /// A fresh record of a run of `task` with this loop's model, embedder and settings.
    func newRecord(for task: TaskSpec) -> RunRecord {
        RunRecord(
            task: task, model: models.agent.descriptor, embedder: embedder.name, memoryMode: settings.memoryMode,
            settings: settings, promptSet: prompts.info, startedAt: clock.now())
    }

    /// Records `record` as started, runs `body` on it, and records how it ended: an infrastructure
    /// failure ends it as `error`, cancellation as `cancelled`. Reports `.started`, then `.finished`
    /// or `.failed`.
    func recordRun(
        _ record: RunRecord, emit: @escaping @Sendable (RunEvent) -> Void,
        body: (inout RunRecord) async throws -> Void
    ) async throws -> RunRecord {
        var record = record
        // Store writes are not interrupted half-way: a write that commits is never reported as cancelled.
        let initial = record
        try await Task { try await store.record(initial) }.value
        emit(.started(record))
        do {
            try await body(&record)
        } catch is CancellationError {
            record.status = .cancelled
            record.errorMessage = "The run was cancelled."
        } catch {
            record.status = .error
            record.errorMessage = String(describing: error)
        }
        record.finishedAt = clock.now()
        let finalRecord = record
        // Record even when this task is cancelled: a fresh task does not inherit the cancellation.
        try await Task { try await store.record(finalRecord) }.value
        emit(finalRecord.status == .error || finalRecord.status == .cancelled ? .failed(finalRecord) : .finished(finalRecord))
        return finalRecord
    }

    /// Opens a fresh instance of the environment for `task`, runs `body` in it and closes it.
    func inSession<T>(for task: TaskSpec, _ body: (any EnvironmentSession) async throws -> T) async throws -> T {
        let session: any EnvironmentSession
        do { session = try await environment.makeSession(for: task) } catch {
            throw LoopError.wrap(error, as: LoopError.environment)
        }
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// Acts on `task` in a fresh environment instance, then evaluates the final state.
    func act(
        _ task: TaskSpec, agent: Agent, memories: [MemoryItem], record: inout RunRecord, earlier: [ChatMessage] = [],
        opening: PromptFile = .agentTask
    ) async throws -> [ChatMessage] {
        try await inSession(for: task) { session in
            let conversation = try await agent.act(
                task: task, session: session, memories: memories, record: &record, earlier: earlier, opening: opening)
            do { record.groundTruth = try await session.evaluate() } catch {
                throw LoopError.wrap(error, as: LoopError.environment)
            }
            return conversation
        }
    }

    private func steps(_ task: TaskSpec, record: inout RunRecord, emit: @escaping @Sendable (RunEvent) -> Void) async throws {
        let gates = GateKeeper(control: control, clock: clock)
        let (memories, retrieval) = try await retrieve(task, record: &record, gates: gates, emit: emit)

        // Act.
        let agent = makeAgent(model: models.agent, gates: gates, emit: emit)
        _ = try await act(task, agent: agent, memories: memories, record: &record)

        // Judge.
        let verdict = try await judge(task, record: &record, gates: gates, emit: emit)
        record.verdict = verdict
        emit(.judged(verdict, record.groundTruth))

        // Extract.
        let extractor = Extractor(
            caller: ModelCaller(model: models.extractor, emit: emit), prompts: prompts, settings: settings, gates: gates)
        let items = try await extractor.extract(task: task, trajectory: record.trajectory, verdict: verdict, record: &record)
        record.extracted = items
        emit(.extracted(items))

        try await consolidate(
            items, verdict: verdict, record: &record, queryEmbedding: retrieval.queryEmbedding, gates: gates, emit: emit)
    }
}
