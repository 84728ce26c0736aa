import ReasoningBank

/// What the workbench asks its host to do. The host (`rbank`'s TUI command) performs effects and sends
/// the results back as `AppMessage`s; the screens never touch the bank, the engine or the terminal.
public enum AppEffect: Sendable, Hashable {
    /// Run `task` (in step mode the loop's gates are held and sent as `.gateHeld`).
    case startRun(taskID: String, stepMode: Bool)
    /// Turn step mode on or off for the run in progress (and later runs).
    case setStepMode(Bool)
    /// Run `task` with MaTTS: k parallel trajectories (Best-of-N) or k sequential rounds. Its events
    /// come back as `.engine`, and the Compare screen shows them.
    case startScaling(taskID: String, mode: ScalingMode, k: Int)
    /// Run `task` twice at once, with memory and with memory mode `none`; the events come back as
    /// `.memoryComparison`, and the Compare screen shows the two side by side.
    case startMemoryComparison(taskID: String)
    /// Stop the run (or comparison) in progress; it is recorded as cancelled.
    case cancelRun
    /// The person's decision at a held gate.
    case decide(ticket: Int, GateDecision)
    case loadTasks
    /// Items for the Bank screen: all of them, or those matching `query` (full text, or semantic when
    /// `semantic` is true).
    case loadItems(query: String, semantic: Bool, includeArchived: Bool)
    case loadItem(id: String)
    case editItem(id: String, ExtractedItem)
    case archiveItem(id: String)
    case restoreItem(id: String)
    case setPinned(id: String, Bool)
    /// Merge the items into one new item (the first one's provenance; the others are archived).
    case mergeItems([String])
    /// Undo the last bank change.
    case undo
    case openEditor(EditorRequest)
    case loadRuns
    case openRun(id: String)
    /// A palette line, parsed with the CLI's command language.
    case runCommand(String)
    case quit
}
