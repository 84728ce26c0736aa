import Foundation

/// How a run ended.
public enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Still in progress (or interrupted by a crash before it could be finished).
    case running
    /// The judge said success.
    case success
    /// The judge said failure.
    case failure
    /// The judge's answer could not be parsed; nothing was extracted.
    case unjudged
    /// Infrastructure failed (model, environment, store): not a task failure; nothing extracted.
    case error
    /// A person or a signal stopped the run.
    case cancelled
}

/// Everything about one run: what it was shown, what it did, how it was judged, what it stored.
public struct RunRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var task: TaskSpec
    public var model: ModelDescriptor
    public var embedder: String
    public var memoryMode: MemoryMode
    public var settings: LoopSettings
    public var promptSet: PromptSetInfo
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: RunStatus
    public var retrieval: RetrievalLog
    public var trajectory: Trajectory
    public var verdict: Verdict?
    public var groundTruth: GroundTruth?
    /// Judge and extractor calls (agent calls live on their steps).
    public var auxiliaryCalls: [ModelCall]
    public var extracted: [ExtractedItem]
    /// Identifiers the consolidated items were stored under.
    public var storedItemIDs: [String]
    public var experienceID: String?
    /// Every decision a person made at a gate.
    public var overrides: [GateOverride]
    public var errorMessage: String?
    /// Set on MaTTS runs: every attempt, the selector's choice and pass@1 (nil on plain runs).
    public var scaling: ScalingLog?

    public init(
        id: String = Identifier.make(prefix: "r"), task: TaskSpec, model: ModelDescriptor, embedder: String,
        memoryMode: MemoryMode, settings: LoopSettings, promptSet: PromptSetInfo, startedAt: Date
    ) {
        self.id = id
        self.task = task
        self.model = model
        self.embedder = embedder
        self.memoryMode = memoryMode
        self.settings = settings
        self.promptSet = promptSet
        self.startedAt = startedAt
        self.finishedAt = nil
        self.status = .running
        self.retrieval = RetrievalLog()
        self.trajectory = Trajectory()
        self.verdict = nil
        self.groundTruth = nil
        self.auxiliaryCalls = []
        self.extracted = []
        self.storedItemIDs = []
        self.experienceID = nil
        self.overrides = []
        self.errorMessage = nil
        self.scaling = nil
    }

    /// Token usage of every call in the run (on a MaTTS run: every attempt, plus extraction and selection).
    public var usage: Usage {
        let own = auxiliaryCalls.reduce(Usage()) { $0 + $1.usage }
        if let scaling { return scaling.attempts.reduce(own) { $0 + $1.usage } }
        return trajectory.steps.reduce(own) { $0 + $1.call.usage }
    }

    /// Whether the judge and the ground truth agree (nil when either is missing).
    public var judgeAgreesWithGroundTruth: Bool? {
        guard let status = verdict?.status, let truth = groundTruth else { return nil }
        return (status == .success) == truth.success
    }
}

/// Which memories a run was shown, with scores.
public struct RetrievalLog: Sendable, Hashable, Codable {
    public var hits: [RetrievalHit]
    /// The items actually injected (after any edit at the gate).
    public var injectedItemIDs: [String]
    /// Experiences skipped by the leakage guard (same task).
    public var excludedByLeakageGuard: [String]

    public init(hits: [RetrievalHit] = [], injectedItemIDs: [String] = [], excludedByLeakageGuard: [String] = []) {
        self.hits = hits
        self.injectedItemIDs = injectedItemIDs
        self.excludedByLeakageGuard = excludedByLeakageGuard
    }
}

/// One retrieved experience (or item, when keyed by item text) and its similarity.
public struct RetrievalHit: Sendable, Hashable, Codable {
    public var experienceID: String
    public var taskID: String?
    public var query: String
    /// Cosine similarity in [-1, 1].
    public var score: Double
    public var itemIDs: [String]

    public init(experienceID: String, taskID: String?, query: String, score: Double, itemIDs: [String]) {
        self.experienceID = experienceID
        self.taskID = taskID
        self.query = query
        self.score = score
        self.itemIDs = itemIDs
    }
}

/// A person's decision at a gate, kept on the run.
public struct GateOverride: Sendable, Hashable, Codable {
    public var gate: String
    public var summary: String
    public var at: Date

    public init(gate: String, summary: String, at: Date) {
        self.gate = gate
        self.summary = summary
        self.at = at
    }
}

/// Which prompt set a run used, and the SHA-256 of each file.
public struct PromptSetInfo: Sendable, Hashable, Codable {
    public var name: String
    public var location: String
    /// File name → lowercase hex SHA-256 of its bytes.
    public var fileHashes: [String: String]

    public init(name: String, location: String, fileHashes: [String: String]) {
        self.name = name
        self.location = location
        self.fileHashes = fileHashes
    }
}
