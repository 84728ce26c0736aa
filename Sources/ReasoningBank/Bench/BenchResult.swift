import Foundation

/// The outcome of one task in a bench run, enough to draw curves and recompute every figure.
public struct BenchTaskOutcome: Sendable, Hashable, Codable {
    public var taskID: String
    public var runID: String
    public var status: RunStatus
    /// The environment's ground truth (nil when it has none).
    public var groundTruthSuccess: Bool?
    public var judgedSuccess: Bool?
    public var steps: Int
    public var usage: Usage
    /// Whether the run was shown any memory.
    public var shownMemories: Bool
    public var itemsStored: Int
    /// MaTTS parallel: the ground truth of the seeded random trajectory pass@1 scores.
    public var passAtOneSuccess: Bool?

    public init(_ record: RunRecord) {
        taskID = record.task.id
        runID = record.id
        status = record.status
        groundTruthSuccess = record.groundTruth?.success
        judgedSuccess = record.verdict?.status.map { $0 == .success }
        steps = record.trajectory.steps.count
        usage = record.usage
        shownMemories = !record.retrieval.injectedItemIDs.isEmpty
        itemsStored = record.storedItemIDs.count
        passAtOneSuccess = record.scaling?.passAtOneSuccess
    }
}

/// MaTTS settings of a bench arm.
public struct BenchScaling: Sendable, Hashable, Codable {
    public var mode: ScalingMode
    public var k: Int

    public init(mode: ScalingMode, k: Int) {
        self.mode = mode
        self.k = k
    }
}

/// One arm of a bench: a memory mode, optionally scaled with MaTTS.
public struct BenchArm: Sendable, Hashable, Codable {
    public var mode: MemoryMode
    public var scaling: BenchScaling?

    public init(mode: MemoryMode, scaling: BenchScaling? = nil) {
        self.mode = mode
        self.scaling = scaling
    }
}

/// One arm's results over the suite (a memory mode, optionally scaled with MaTTS), in task order.
public struct BenchModeResult: Sendable, Hashable, Codable {
    public var mode: MemoryMode
    /// Set on MaTTS arms.
    public var scaling: BenchScaling?
    public var outcomes: [BenchTaskOutcome]

    public init(mode: MemoryMode, scaling: BenchScaling? = nil, outcomes: [BenchTaskOutcome] = []) {
        self.mode = mode
        self.scaling = scaling
        self.outcomes = outcomes
    }

    /// `reasoningbank`, or `matts-parallel k=3` for a MaTTS arm.
    public var label: String { scaling.map { "\($0.mode.benchName) k=\($0.k)" } ?? mode.rawValue }

    /// MaTTS parallel: ground-truth successes of the pass@1 trajectories (nil on other arms).
    public var passAtOneRate: Double? {
        let scored = outcomes.compactMap(\.passAtOneSuccess)
        return scored.isEmpty ? nil : Double(scored.filter { $0 }.count) / Double(scored.count)
    }

    private var evaluated: [BenchTaskOutcome] { outcomes.filter { $0.groundTruthSuccess != nil } }

    /// Ground-truth successes over tasks with a ground truth (nil when none has one).
    public var successRate: Double? {
        evaluated.isEmpty ? nil : Double(evaluated.filter { $0.groundTruthSuccess == true }.count) / Double(evaluated.count)
    }

    /// Average steps over the tasks that ran to an end: runs that broke on infrastructure (`error`) or were
    /// cancelled say nothing about how many steps a task takes.
    public var averageSteps: Double? {
        Self.mean(outcomes.filter { $0.status != .error && $0.status != .cancelled }.map(\.steps))
    }

    /// Average steps over the tasks that succeeded by the ground truth.
    public var averageStepsOnSuccess: Double? {
        Self.mean(outcomes.filter { $0.groundTruthSuccess == true }.map(\.steps))
    }

    /// How often the LLM judge agreed with the ground truth, over tasks that have both.
    public var judgeAccuracy: Double? {
        let both = outcomes.filter { $0.groundTruthSuccess != nil && $0.judgedSuccess != nil }
        return both.isEmpty ? nil : Double(both.filter { $0.groundTruthSuccess == $0.judgedSuccess }.count) / Double(both.count)
    }

    /// Runs that ended in an infrastructure error.
    public var errors: Int { outcomes.filter { $0.status == .error }.count }

    public var usage: Usage { outcomes.reduce(Usage()) { $0 + $1.usage } }

    /// Cumulative ground-truth success rate after each task: the learning curve.
    public var learningCurve: [Double] {
        var successes = 0
        var seen = 0
        return outcomes.map { outcome in
            if outcome.groundTruthSuccess != nil { seen += 1 }
            if outcome.groundTruthSuccess == true { successes += 1 }
            return seen == 0 ? 0 : Double(successes) / Double(seen)
        }
    }

    private static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
}

/// A whole bench: the suite run once per memory mode, each with a fresh bank.
public struct BenchResult: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var environment: String
    public var model: ModelDescriptor
    public var embedder: String
    public var seed: UInt64
    public var taskIDs: [String]
    public var modes: [BenchModeResult]
    public var startedAt: Date
    public var finishedAt: Date?
    /// Set when the bench was stopped before it finished.
    public var cancelled: Bool

    public init(
        id: String = Identifier.make(prefix: "b"), environment: String, model: ModelDescriptor, embedder: String,
        seed: UInt64, taskIDs: [String], modes: [MemoryMode], startedAt: Date
    ) {
        self.init(
            id: id, environment: environment, model: model, embedder: embedder, seed: seed, taskIDs: taskIDs,
            arms: modes.map { BenchArm(mode: $0) }, startedAt: startedAt)
    }

    /// A bench of `arms`: memory modes, some scaled with MaTTS.
    public init(
        id: String = Identifier.make(prefix: "b"), environment: String, model: ModelDescriptor, embedder: String,
        seed: UInt64, taskIDs: [String], arms: [BenchArm], startedAt: Date
    ) {
        self.id = id
        self.environment = environment
        self.model = model
        self.embedder = embedder
        self.seed = seed
        self.taskIDs = taskIDs
        self.modes = arms.map { BenchModeResult(mode: $0.mode, scaling: $0.scaling) }
        self.startedAt = startedAt
        self.finishedAt = nil
        self.cancelled = false
    }
}
