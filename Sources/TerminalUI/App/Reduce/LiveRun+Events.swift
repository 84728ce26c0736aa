import ReasoningBank

/// A run's own events folded into its `LiveRun`: shared by the Run screen and the Compare screen's
/// columns.
extension LiveRun {
    /// Folds an event of this run. Starting and ending, and MaTTS's attempt events, are the caller's.
    mutating func fold(_ event: RunEvent) {
        switch event {
        case .retrieved(let log, let injected):
            record.retrieval = log
            self.injected = injected
            hasRetrieved = true
        case .modelDelta(let purpose, let piece):
            stream(piece, purpose: purpose)
        case .step(let step):
            record.trajectory.steps.append(step)
            endStreaming()
        case .judged(let verdict, let truth):
            record.verdict = verdict
            record.groundTruth = truth
            endStreaming()
        case .extracted(let items):
            record.extracted = items
            hasExtracted = true
            endStreaming()
        case .consolidated(let experience):
            consolidated = experience
            record.experienceID = experience.id
            record.storedItemIDs = experience.items.map(\.id)
        case .started, .finished, .failed, .attempt, .attemptEnded, .selected:
            break
        }
    }

    /// The run ended with `final`: keep the final record; whatever it extracted counts as extracted.
    mutating func end(with final: RunRecord) {
        record = final
        hasRetrieved = true
        hasExtracted = hasExtracted || !final.extracted.isEmpty
        endStreaming()
    }

    /// A MaTTS attempt ended: its trajectory, verdict, ground truth and status as the engine reports them.
    mutating func end(with attempt: ScalingAttempt) {
        record.status = attempt.status
        record.trajectory = attempt.trajectory
        record.verdict = attempt.verdict
        record.groundTruth = attempt.groundTruth
        record.auxiliaryCalls = attempt.judgeCalls
        record.errorMessage = attempt.errorMessage
        endStreaming()
    }
}
