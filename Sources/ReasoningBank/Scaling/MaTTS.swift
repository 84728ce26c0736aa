import Foundation

/// Memory-aware test-time scaling (reference §1.8) on top of a closed loop: one task, k attempts.
///
/// Memories are retrieved once (with the injection gate) and shown to every attempt. *Parallel* runs
/// k trajectories concurrently, each in its own environment instance with its own model sample, each
/// judged; the Best-of-N selector picks the final answer, and pass@1 scores a seeded random one.
/// *Sequential* refines one trajectory over k rounds with check prompts. Memory is extracted from all
/// attempts together and consolidated as one experience (with the consolidation gate). The attempts,
/// the selector and the multi-trajectory extraction run unattended (they run concurrently, and a
/// person holds one gate at a time). k = 1 is otherwise a plain run.
///
/// The run is recorded like any other; its `scaling` log keeps every attempt, and its trajectory,
/// verdict and ground truth are the chosen attempt's.
public struct MaTTS: Sendable {
    public var loop: ClosedLoop
    public var scaling: ScalingSettings

    public init(loop: ClosedLoop, scaling: ScalingSettings) {
        self.loop = loop
        self.scaling = scaling
    }

    /// Runs `task`, yielding events; ending the iteration early cancels the run.
    public func run(_ task: TaskSpec) -> AsyncThrowingStream<RunEvent, any Error> {
        ClosedLoop.eventStream { events in try await run(task, events: events) }
    }

    /// Runs `task` in the calling task, reporting each event, and returns the record. Cancelling the
    /// calling task cancels every attempt; the run is recorded as cancelled. Throws only when the run
    /// could not be recorded.
    @discardableResult
    public func run(_ task: TaskSpec, events: @escaping @Sendable (RunEvent) -> Void) async throws -> RunRecord {
        var record = loop.newRecord(for: task)
        record.scaling = ScalingLog(mode: scaling.mode, k: scaling.k)
        return try await loop.recordRun(record, emit: events) { record in
            try await steps(task, record: &record, emit: events)
        }
    }

    private func steps(_ task: TaskSpec, record: inout RunRecord, emit: @escaping @Sendable (RunEvent) -> Void) async throws {
        let gates = GateKeeper(control: loop.control, clock: loop.clock)
        let (memories, retrieval) = try await loop.retrieve(task, record: &record, gates: gates, emit: emit)
        let base = record
        let attempts: [ScalingAttempt]
        switch scaling.mode {
        case .parallel: attempts = await parallelAttempts(task, memories: memories, base: base, emit: emit)
        case .sequential: attempts = await sequentialAttempts(task, memories: memories, base: base, emit: emit)
        }
        var log = ScalingLog(mode: scaling.mode, k: scaling.k)
        log.attempts = attempts
        record.scaling = log
        // A cancelled run keeps the attempts it had.
        try Task.checkCancellation()
        let finished = attempts.filter(\.finished)
        guard let lastFinished = finished.last else {
            throw ScalingError.noAttemptFinished(attempts.map { "\($0.label(scaling.mode)): \($0.errorMessage ?? "no answer")" })
        }

        // Choose the final answer: Best-of-N (parallel) or the last refined round (sequential); and
        // extract from every finished attempt at once, concurrently with the selection.
        // The backbone model selects (paper App. A.3). Selection and extraction run at once, so their
        // calls pass their gates unattended (a person holds one gate at a time).
        let unattended = GateKeeper(control: UnattendedControl(), clock: loop.clock)
        let selector = BestOfNSelector(
            caller: ModelCaller(model: loop.models.agent, emit: emit), prompts: loop.prompts, settings: scaling,
            gates: unattended)
        let extractor = ScalingExtractor(
            caller: ModelCaller(model: loop.models.extractor, emit: emit), prompts: loop.prompts, settings: loop.settings,
            scaling: scaling, gates: unattended)
        async let selected: BestOfNSelector.Outcome? =
            scaling.mode == .parallel && scaling.k > 1 ? selector.select(task: task, among: finished) : nil
        async let contrasted: ScalingExtractor.Outcome? =
            finished.count > 1 ? extractor.extract(task: task, attempts: finished) : nil
        let selection = try await selected
        let contrast = try await contrasted
        record.overrides += (selection?.overrides ?? []) + (contrast?.overrides ?? [])

        let chosenIndex = selection?.selection.chosenIndex ?? lastFinished.index
        log.chosenIndex = chosenIndex
        if let selection {
            log.selection = selection.selection
            if let call = selection.call { record.auxiliaryCalls.append(call) }
            emit(.selected(selection.selection))
        }
        if scaling.mode == .parallel { log.passAtOneIndex = passAtOneIndex(for: task) }
        record.scaling = log
        let chosen = attempts.first { $0.index == chosenIndex } ?? lastFinished
        record.trajectory = chosen.trajectory
        record.groundTruth = chosen.groundTruth
        let verdict = chosen.verdict ?? Verdict(status: nil, thoughts: "", rawResponse: "")
        record.verdict = verdict
        emit(.judged(verdict, chosen.groundTruth))

        let items: [ExtractedItem]
        if let contrast {
            items = contrast.items
            if let call = contrast.call { record.auxiliaryCalls.append(call) }
        } else {
            // One finished attempt: the plain extraction of ReasoningBank (so k = 1 is a plain run).
            let single = Extractor(
                caller: ModelCaller(model: loop.models.extractor, emit: emit), prompts: loop.prompts,
                settings: loop.settings, gates: gates)
            items = try await single.extract(task: task, trajectory: chosen.trajectory, verdict: verdict, record: &record)
        }
        record.extracted = items
        emit(.extracted(items))
        try await loop.consolidate(
            items, verdict: verdict, record: &record, queryEmbedding: retrieval.queryEmbedding, gates: gates, emit: emit,
            source: contrast == nil ? nil : .selfContrast)
    }

    /// The seeded random trajectory pass@1 scores: fixed by the seed and the task.
    public func passAtOneIndex(for task: TaskSpec) -> Int {
        var generator = SplitMix64(seed: StableHash.combine(seed: scaling.passAtOneSeed, ["pass@1", task.id, task.query]))
        return Int.random(in: 0..<scaling.k, using: &generator)
    }
}
