import ReasoningBank

/// A comparison on the Compare screen, folded from the engine's events: a MaTTS run (k trajectories
/// or k rounds, the selector's choice, the contrastive memories), or one task run with memory and
/// without, side by side.
struct Comparison: Sendable {
    /// What is compared.
    enum Kind: Sendable, Hashable {
        /// MaTTS: k parallel trajectories or k sequential rounds.
        case scaling(ScalingMode, k: Int)
        /// The same task with memory and with memory mode `none`, run concurrently.
        case memoryVsNone

        /// `parallel k=3`, `sequential k=2`, `memory vs none`.
        var label: String {
            switch self {
            case .scaling(let mode, let k): "\(mode.rawValue) k=\(k)"
            case .memoryVsNone: "memory vs none"
            }
        }
    }

    var kind: Kind
    var task: TaskSpec
    /// MaTTS: the run as a whole — retrieval, the chosen verdict, the contrastive items, what was
    /// stored, the selector's and extractor's output streaming; the final record (with its scaling
    /// log) once it ends. Nil for a memory comparison, whose columns are whole runs.
    var main: LiveRun?
    var columns: [CompareColumn]
    /// MaTTS parallel: the Best-of-N selector's decision, once made.
    var selection: BestOfNSelection?

    /// A MaTTS run that has just started: k columns waiting for their attempts.
    init(scaling record: RunRecord, log: ScalingLog) {
        kind = .scaling(log.mode, k: log.k)
        task = record.task
        main = LiveRun(record: record)
        let noun = log.mode == .parallel ? "Trajectory" : "Round"
        columns = (0..<max(1, log.k)).map { CompareColumn(title: "\(noun) \($0 + 1)") }
    }

    /// A memory comparison of `task`, both sides waiting for their runs.
    init(memoryComparisonOf task: TaskSpec) {
        kind = .memoryVsNone
        self.task = task
        columns = MemoryComparisonSide.allCases.map { CompareColumn(title: $0.title) }
    }

    var scalingMode: ScalingMode? {
        if case .scaling(let mode, _) = kind { return mode }
        return nil
    }

    /// Whether anything is still running: the MaTTS run, or either side of a memory comparison.
    var isRunning: Bool {
        if let main { return main.isRunning }
        return columns.contains { !$0.hasStarted || $0.isRunning }
    }

    /// The MaTTS run's scaling log (the final one once the run ended).
    var log: ScalingLog? { main?.record.scaling }

    /// The column whose answer is final: the selector's choice (parallel) or the last finished round
    /// (sequential), once known.
    var chosenIndex: Int? { log?.chosenIndex ?? selection?.chosenIndex }

    /// The column pass@1 scores (parallel, once the run ended).
    var passAtOneIndex: Int? { log?.passAtOneIndex }

    /// How many columns have ended.
    var endedCount: Int { columns.filter { $0.hasStarted && !$0.isRunning }.count }

    /// Tokens of every call so far: the columns' steps and judges, and the run's own calls.
    var usage: Usage {
        columns.reduce(main?.record.auxiliaryCalls.reduce(Usage()) { $0 + $1.usage } ?? Usage()) { total, column in
            total + (column.live?.record.usage ?? Usage())
        }
    }
}
