import ReasoningBank

/// The run on the Run screen, folded from the engine's events: the record as it grows, the memories
/// injected, the model output streaming right now, and what was stored.
struct LiveRun: Sendable {
    /// The run so far: steps, retrieval log, verdict, ground truth, extracted items; the final record
    /// once the run ends.
    var record: RunRecord
    /// The memories injected into the prompt (after any edit at the gate).
    var injected: [MemoryItem] = []
    /// Whether retrieval has happened.
    var hasRetrieved = false
    /// Whether the extractor has answered.
    var hasExtracted = false
    /// Model output of the call in progress.
    var streaming = ""
    var streamingPurpose: ModelPurpose?
    /// The experience the items were stored under.
    var consolidated: Experience?

    /// Longest streaming text kept (the tail is what matters).
    static let streamingLimit = 8_000

    init(record: RunRecord) {
        self.record = record
    }

    var isRunning: Bool { record.status == .running }
    var steps: [Step] { record.trajectory.steps }

    /// Adds a streamed piece of model output.
    mutating func stream(_ piece: String, purpose: ModelPurpose) {
        if streamingPurpose != purpose { streaming = "" }
        streamingPurpose = purpose
        streaming += piece
        if streaming.count > Self.streamingLimit { streaming = String(streaming.suffix(Self.streamingLimit)) }
    }

    mutating func endStreaming() {
        streaming = ""
        streamingPurpose = nil
    }
}
