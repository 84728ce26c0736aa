import ReasoningBank

/// Everything that can change the workbench's state: input, the engine's events, and the results of effects.
public enum AppMessage: Sendable {
    case key(Key)
    case resized(Size)
    /// An event of the run in progress (a MaTTS run's go to the Compare screen).
    case engine(RunEvent)
    /// An event of one side of a memory comparison (`AppEffect.startMemoryComparison`).
    case memoryComparison(MemoryComparisonSide, RunEvent)
    /// In step mode, the loop holds this gate until an `AppEffect.decide`.
    case gateHeld(GateTicket)
    /// The environment's task suite, for picking a task to run.
    case tasksLoaded(environment: String, [TaskSpec])
    /// Bank items for the Bank screen's list (search results when a query is set), with similarity
    /// scores for a semantic search.
    case itemsLoaded([MemoryItem], scores: [String: Double])
    /// One item's detail: the item, its usage and its revisions (newest first).
    case itemLoaded(MemoryItem, ItemUsage, [ItemRevision])
    /// Run history and saved benches for the Runs screen.
    case runsLoaded([RunSummary], [BenchResult])
    /// One stored run, opened read-only.
    case runLoaded(RunRecord)
    /// `$EDITOR` returned; `nil` when the person left it without saving (or it failed).
    case editorFinished(EditorRequest, String?)
    /// A bank change happened (edit, archive, restore, pin, merge, undo); the text says what, for the status line.
    case bankChanged(String)
    /// The header's totals or labels changed.
    case headerChanged(HeaderInfo)
    /// Output of a palette command that has no screen of its own (e.g. `config`).
    case commandOutput(title: String, text: String)
    /// Something failed; the text says what and what to do. Shown on the status line.
    case failed(String)
    /// A neutral one-line notice for the status line (e.g. that the model is an offline simulation).
    case notice(String)
}
