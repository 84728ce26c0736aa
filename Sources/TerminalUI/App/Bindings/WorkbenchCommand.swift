/// Every action a key can trigger. What an action does depends on where it is pressed (a `move` moves
/// the selection of the focused list, scrolls the focused text, …); the binding table says which keys
/// trigger which action in which `BindingContext`.
public enum WorkbenchCommand: Sendable, Hashable {
    // Everywhere
    /// Quit (asks first while a run is in progress).
    case quit
    /// Quit at once, cancelling a run in progress.
    case forceQuit
    case help
    case palette
    case showScreen(Screen)
    case focusNext
    case focusPrevious
    case moveDown
    case moveUp
    case top
    case bottom
    case pageDown
    case pageUp
    /// Open the selection (`enter`).
    case open
    /// Go back, close, or interrupt (`esc`).
    case back

    // Run screen
    case pickTask
    case toggleStepMode
    case toggleFold
    case cancelRun

    // Bank screen
    case search
    case toggleSemantic
    case toggleArchived
    case editItem
    case editTitle
    case archiveOrRestore
    case togglePin
    case markForMerge
    case mergeMarked
    case history
    case undo

    // Runs screen
    case reloadRuns
    case nextStep
    case previousStep

    // Gates
    /// Send the pending decision: proceed, or the edits.
    case decide
    /// Cancel the run at the gate (asks first).
    case cancelAtGate
    /// Decide as pending, then turn step mode off.
    case stopStepping
    case toggleDropMemory
    case editMemory
    case editPrompt
    case judgeSuccess
    case judgeFailure
    case acceptItem
    case rejectItem
    case editExtracted
    case skipConsolidation
    case overrideVerdict

    // Inputs
    case submit
    case close
    case cursorLeft
    case cursorRight
    case cursorStart
    case cursorEnd
    case deleteBackward
    case deleteForward
    case clearLine
    case historyPrevious
    case historyNext

    // Questions
    case confirm
    case decline
}
