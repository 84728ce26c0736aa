import ReasoningBank

/// Every action a key can trigger. What an action does depends on where it is pressed (a `move` moves
/// the selection of the focused list, scrolls the focused text, …); the binding table says which keys
/// trigger which action in which `BindingContext`.
public enum WorkbenchCommand: Sendable, Hashable {
    // MARK: Everywhere

    /// Quit (asks first while a run is in progress).
    case quit
    /// Quit at once, cancelling a run in progress.
    case forceQuit
    /// Open help for the current screen, generated from the binding table.
    case help
    /// Open the `:` command palette.
    case palette
    /// Switch to a screen.
    case showScreen(Screen)
    /// Focus the next pane.
    case focusNext
    /// Focus the previous pane.
    case focusPrevious
    /// Move the selection down, or scroll down.
    case moveDown
    /// Move the selection up, or scroll up.
    case moveUp
    /// Go to the first entry or line.
    case top
    /// Go to the last entry or line.
    case bottom
    /// Move or scroll half a page down.
    case pageDown
    /// Move or scroll half a page up.
    case pageUp
    /// Open the selection (`enter`).
    case open
    /// Go back, close, or interrupt (`esc`).
    case back

    // MARK: Run screen

    /// Open the task picker.
    case pickTask
    /// Turn step mode on or off.
    case toggleStepMode
    /// Unfold or fold the selected step.
    case toggleFold
    /// Cancel the run in progress (asks first).
    case cancelRun

    // MARK: Compare screen

    /// Pick a task and run it with MaTTS in `mode`, with the screen's k.
    case startScaling(ScalingMode)
    /// Pick a task and run it with memory and without, side by side.
    case startMemoryComparison
    /// One more trajectory or round for the next MaTTS run.
    case moreAttempts
    /// One fewer trajectory or round for the next MaTTS run.
    case fewerAttempts
    /// Move to the column on the left.
    case previousColumn
    /// Move to the column on the right.
    case nextColumn

    // MARK: Bank screen

    /// Type a search query.
    case search
    /// Switch between full-text and semantic search.
    case toggleSemantic
    /// Show or hide archived items.
    case toggleArchived
    /// Edit the selected item in `$EDITOR`.
    case editItem
    /// Rename the selected item inline.
    case editTitle
    /// Archive the selected item, or restore it when archived.
    case archiveOrRestore
    /// Pin or unpin the selected item.
    case togglePin
    /// Mark or unmark the selected item for merging.
    case markForMerge
    /// Merge the marked items into one.
    case mergeMarked
    /// Show the selected item's revisions.
    case history
    /// Undo the last bank change.
    case undo

    // MARK: Runs screen

    /// Reload the run history and benches.
    case reloadRuns
    /// The next step of an opened run.
    case nextStep
    /// The previous step of an opened run.
    case previousStep

    // MARK: Gates

    /// Send the pending decision: proceed, or the edits.
    case decide
    /// Cancel the run at the gate (asks first).
    case cancelAtGate
    /// Decide as pending, then turn step mode off.
    case stopStepping
    /// Drop the selected memory before injection, or keep it again.
    case toggleDropMemory
    /// Edit the selected memory in `$EDITOR` (for this run only).
    case editMemory
    /// Edit the prompt in `$EDITOR` before the model call.
    case editPrompt
    /// Skip the judge: the run succeeded.
    case judgeSuccess
    /// Skip the judge: the run failed.
    case judgeFailure
    /// Keep the selected extracted item.
    case acceptItem
    /// Reject the selected extracted item.
    case rejectItem
    /// Edit the selected extracted item in `$EDITOR`.
    case editExtracted
    /// Store nothing from this run.
    case skipConsolidation
    /// Flip the verdict at the before-consolidation gate.
    case overrideVerdict

    // MARK: Inputs

    /// Run the input (palette, search, title, task picker).
    case submit
    /// Close the input or overlay.
    case close
    /// Move the cursor left.
    case cursorLeft
    /// Move the cursor right.
    case cursorRight
    /// Move the cursor to the start of the line.
    case cursorStart
    /// Move the cursor to the end of the line.
    case cursorEnd
    /// Delete the character before the cursor.
    case deleteBackward
    /// Delete the character under the cursor.
    case deleteForward
    /// Clear the line.
    case clearLine
    /// The previous palette command.
    case historyPrevious
    /// The next palette command.
    case historyNext

    // MARK: Questions

    /// Answer yes.
    case confirm
    /// Answer no.
    case decline
}
