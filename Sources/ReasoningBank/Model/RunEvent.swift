import Foundation

/// What a run reports as it goes. The TUI, the REPL, `rbank run --json` and benches consume these.
public enum RunEvent: Sendable {
    /// The run began; the record holds the task and settings.
    case started(RunRecord)
    /// Memories were retrieved and (after the gate) injected.
    case retrieved(RetrievalLog, injected: [MemoryItem])
    /// A piece of model output as it streams.
    case modelDelta(ModelPurpose, String)
    /// A ReAct step finished.
    case step(Step)
    /// The judge decided (or failed to); the ground truth when the environment knows it.
    case judged(Verdict, GroundTruth?)
    /// Items came out of the extractor.
    case extracted([ExtractedItem])
    /// Items were stored in the bank.
    case consolidated(Experience)
    /// The run ended normally (success, failure or unjudged).
    case finished(RunRecord)
    /// The run ended with an infrastructure error or was cancelled.
    case failed(RunRecord)
    /// MaTTS: an event of one attempt (0-based; a trajectory in parallel, a round in sequential).
    /// The attempt reports `.step`, `.modelDelta` and `.judged`, then `.attemptEnded`.
    indirect case attempt(Int, RunEvent)
    /// MaTTS: an attempt ended (ran to an end, or broke without sinking the others).
    case attemptEnded(ScalingAttempt)
    /// MaTTS parallel: the Best-of-N selector chose the final answer.
    case selected(BestOfNSelection)
}
