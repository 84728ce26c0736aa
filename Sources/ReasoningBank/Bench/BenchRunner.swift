import Foundation
import Synchronization

/// Runs a suite once per arm (a memory mode, optionally scaled with MaTTS), each with a fresh bank, the tasks streamed in order
/// (as the paper does). Modes run concurrently; within a mode, tasks run one after another so that
/// each task can retrieve what the earlier ones stored.
public struct BenchRunner: Sendable {
    /// Progress after each finished task.
    public struct Progress: Sendable {
        public var mode: MemoryMode
        /// The arm's label, e.g. `matts-parallel k=3`.
        public var label: String
        public var completedInMode: Int
        public var completed: Int
        public var total: Int
        public var record: RunRecord
    }

    public var models: ModelRoles
    public var embedder: any Embedder
    public var environment: any Environment
    public var prompts: PromptSet
    public var settings: LoopSettings
    /// A fresh, empty bank for each mode.
    public var makeStore: @Sendable (MemoryMode) async throws -> any MemoryStore
    public var clock: any RunClock
    /// Items kept from a MaTTS extraction over several attempts (paper: 5).
    public var scalingMaxItems = 5

    public init(
        models: ModelRoles, embedder: any Embedder, environment: any Environment, prompts: PromptSet,
        settings: LoopSettings, clock: any RunClock = SystemRunClock(),
        makeStore: @escaping @Sendable (MemoryMode) async throws -> any MemoryStore
    ) {
        self.models = models
        self.embedder = embedder
        self.environment = environment
        self.prompts = prompts
        self.settings = settings
        self.clock = clock
        self.makeStore = makeStore
    }

    /// Runs `tasks` under every mode of `result` (which names the modes and receives the outcomes).
    /// Cancelling stops every mode after its current task; what finished is kept and marked cancelled.
    public func run(
        _ tasks: [TaskSpec], into result: BenchResult, progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> BenchResult {
        var result = result
        let total = tasks.count * result.modes.count
        let counter = Counter()
        let outcomes = try await withThrowingTaskGroup(of: (Int, [BenchTaskOutcome]).self) { group in
            for (index, modeResult) in result.modes.enumerated() {
                let mode = modeResult.mode
                let label = modeResult.label
                let seed = result.seed
                group.addTask {
                    var settings = self.settings
                    settings.memoryMode = mode
                    let loop = ClosedLoop(
                        models: models, embedder: embedder, environment: environment, store: try await makeStore(mode),
                        prompts: prompts, settings: settings, clock: clock)
                    let matts = modeResult.scaling.map { arm in
                        var scaling = ScalingSettings(mode: arm.mode, k: arm.k)
                        scaling.passAtOneSeed = seed
                        scaling.maxItems = scalingMaxItems
                        return MaTTS(loop: loop, scaling: scaling)
                    }
                    var outcomes: [BenchTaskOutcome] = []
                    for task in tasks {
                        if Task.isCancelled { break }
                        let record: RunRecord
                        if let matts { record = try await matts.run(task) { _ in } } else { record = try await loop.run(task) { _ in } }
                        if record.status == .cancelled { break }
                        outcomes.append(BenchTaskOutcome(record))
                        progress(Progress(
                            mode: mode, label: label, completedInMode: outcomes.count, completed: counter.increment(),
                            total: total, record: record))
                    }
                    return (index, outcomes)
                }
            }
            var collected: [Int: [BenchTaskOutcome]] = [:]
            for try await (index, outcomes) in group { collected[index] = outcomes }
            return collected
        }
        for (index, list) in outcomes { result.modes[index].outcomes = list }
        result.cancelled = result.modes.contains { $0.outcomes.count < tasks.count }
        result.finishedAt = clock.now()
        return result
    }
}

/// A thread-safe counter for progress across concurrent modes.
private final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
