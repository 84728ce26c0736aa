import ReasoningBank

/// One column of the Compare screen: a MaTTS trajectory (or round), or one side of a memory comparison.
/// Its run is folded from that attempt's (or side's) own events, exactly as the Run screen folds a run.
struct CompareColumn: Sendable {
    /// `Trajectory 2`, `Round 1`, `With memory`.
    var title: String
    /// The attempt or run so far; nil until its first event.
    var live: LiveRun?

    var hasStarted: Bool { live != nil }
    var isRunning: Bool { live?.isRunning ?? false }
    var status: RunStatus? { live?.record.status }
}
