import ReasoningBank

/// The Runs screen: run history and saved benches, and a run opened read-only.
struct RunsScreenState: Sendable {
    enum Focus: Sendable, Hashable {
        case runs
        case benches
    }

    var runs: [RunSummary] = []
    var benches: [BenchResult] = []
    var hasLoaded = false
    var focus: Focus = .runs
    var runCursor = ListCursor()
    var benchCursor = ListCursor()
    var opened: OpenedRun?
    /// The run asked for last with `openRun`.
    var requestedRunID: String?

    var selectedRun: RunSummary? { runs.indices.contains(runCursor.selection) ? runs[runCursor.selection] : nil }
    var selectedBench: BenchResult? {
        benches.indices.contains(benchCursor.selection) ? benches[benchCursor.selection] : nil
    }
}
