import ReasoningBank

/// The Run screen: the task suite to pick from, the live run, and where the person is looking.
struct RunScreenState: Sendable {
    /// The environment's tasks, once loaded.
    var tasks: [TaskSpec] = []
    /// Whether `loadTasks` was asked for and not yet answered.
    var tasksRequested = false
    var live: LiveRun?
    var focus: RunPane = .trajectory
    /// The selected step (an index into the steps); nil follows the newest step.
    var selectedStep: Int?
    /// Lines scrolled from the selected step's first line.
    var stepScroll = 0
    /// Lines scrolled in the other panes.
    var paneScroll: [RunPane: Int] = [:]
    /// Steps (by `Step.index`) shown in full instead of folded.
    var unfolded: Set<Int> = []

    var isRunning: Bool { live?.isRunning ?? false }
}
