extension KeyBinding {
    /// Every binding of the workbench. Within a context the first binding of a key wins; the bottom bar
    /// shows the bindings with a bar label, most specific context first.
    public static let table: [KeyBinding] =
        always + global + run + bank + bankList + bankDetail + bankHistory + bankDiff + runsList + runDetail + compare
        + gate + gateInjection + gateModelCall + gateJudging + gateConsolidation + taskPicker + palette + search
        + titleInput + lineEditing + help + output + confirm

    static let always: [KeyBinding] = [
        KeyBinding([.control("c")], .forceQuit, "quit at once (cancels a run in progress)", in: .always)
    ]

    static let global: [KeyBinding] = [
        KeyBinding([.character("1")], .showScreen(.run), "Run screen: run a task and watch it", in: .global),
        KeyBinding([.character("2")], .showScreen(.bank), "Bank screen: browse and curate memories", in: .global),
        KeyBinding([.character("3")], .showScreen(.runs), "Runs screen: run history and benches", in: .global),
        KeyBinding([.character("4")], .showScreen(.compare), "Compare screen: MaTTS side by side, memory vs none", in: .global),
        KeyBinding([.tab], .focusNext, "focus the next pane", in: .global),
        KeyBinding([.backTab], .focusPrevious, "focus the previous pane", in: .global),
        KeyBinding([.character("j"), .down], .moveDown, "move down", in: .global),
        KeyBinding([.character("k"), .up], .moveUp, "move up", in: .global),
        KeyBinding([.character("g"), .home], .top, "go to the top", in: .global),
        KeyBinding([.character("G"), .end], .bottom, "go to the bottom", in: .global),
        KeyBinding([.control("d"), .pageDown], .pageDown, "page down", in: .global),
        KeyBinding([.control("u"), .pageUp], .pageUp, "page up", in: .global),
        KeyBinding([.enter], .open, "open", in: .global),
        KeyBinding([.escape], .back, "back", in: .global),
        KeyBinding([.character(":")], .palette, "command palette (the CLI's commands)", in: .global, bar: "cmd"),
        KeyBinding([.character("?")], .help, "help for this screen", in: .global, bar: "help"),
        KeyBinding([.character("q")], .quit, "quit (asks first while a run is in progress)", in: .global, bar: "quit"),
    ]

    static let run: [KeyBinding] = [
        KeyBinding([.character("r")], .pickTask, "pick a task and run it", in: .run, bar: "run"),
        KeyBinding([.character("s")], .toggleStepMode, "step mode on/off: hold the run at every gate", in: .run, bar: "step"),
        KeyBinding([.tab], .focusNext, "focus the next pane", in: .run, bar: "focus"),
        KeyBinding([.character("j"), .down], .moveDown, "next step (trajectory) or scroll down", in: .run),
        KeyBinding([.character("k"), .up], .moveUp, "previous step (trajectory) or scroll up", in: .run),
        KeyBinding([.character("G"), .end], .bottom, "last step, and follow new ones", in: .run),
        KeyBinding([.enter], .toggleFold, "unfold or fold the selected step", in: .run, bar: "unfold"),
        KeyBinding([.escape], .cancelRun, "cancel the run in progress (asks first)", in: .run, bar: "cancel"),
    ]

    static let bank: [KeyBinding] = [
        KeyBinding([.character("/")], .search, "search the bank (enter runs the search)", in: .bank, bar: "search"),
        KeyBinding([.character("S")], .toggleSemantic, "semantic search on/off", in: .bank),
        KeyBinding([.character("a")], .toggleArchived, "show or hide archived items", in: .bank),
        KeyBinding([.character("e")], .editItem, "edit the item in $EDITOR", in: .bank, bar: "edit"),
        KeyBinding([.character("t")], .editTitle, "rename the item (edit its title here)", in: .bank),
        KeyBinding([.character("x")], .archiveOrRestore, "archive the item, or restore an archived one", in: .bank, bar: "archive"),
        KeyBinding([.character("p")], .togglePin, "pin or unpin the item", in: .bank),
        KeyBinding([.character("m")], .markForMerge, "mark or unmark the item for merging", in: .bank),
        KeyBinding([.character("M")], .mergeMarked, "merge the marked items into one", in: .bank),
        KeyBinding([.character("h")], .history, "the item's revision history", in: .bank, bar: "history"),
        KeyBinding([.character("u")], .undo, "undo the last bank change", in: .bank, bar: "undo"),
    ]

    static let bankList: [KeyBinding] = [
        KeyBinding([.enter], .open, "show the item's detail", in: .bankList),
        KeyBinding([.escape], .back, "clear the search", in: .bankList),
    ]

    static let bankDetail: [KeyBinding] = [
        KeyBinding([.escape], .back, "back to the list", in: .bankDetail)
    ]

    static let bankHistory: [KeyBinding] = [
        KeyBinding([.enter], .open, "diff the revision against the current one", in: .bankHistory, bar: "diff"),
        KeyBinding([.escape], .back, "back to the detail", in: .bankHistory, bar: "back"),
    ]

    static let bankDiff: [KeyBinding] = [
        KeyBinding([.escape], .back, "back to the history", in: .bankDiff, bar: "back")
    ]

    static let runsList: [KeyBinding] = [
        KeyBinding([.enter], .open, "open the run (or the bench's table)", in: .runsList, bar: "open"),
        KeyBinding([.tab], .focusNext, "switch between runs and benches", in: .runsList, bar: "runs/benches"),
        KeyBinding([.character("R")], .reloadRuns, "reload the lists", in: .runsList, bar: "reload"),
    ]

    static let runDetail: [KeyBinding] = [
        KeyBinding([.character("]")], .nextStep, "next step", in: .runDetail),
        KeyBinding([.character("[")], .previousStep, "previous step", in: .runDetail),
        KeyBinding([.character("j"), .down], .moveDown, "next step, or scroll the focused pane", in: .runDetail, bar: "step"),
        KeyBinding([.character("k"), .up], .moveUp, "previous step, or scroll the focused pane", in: .runDetail),
        KeyBinding([.tab], .focusNext, "focus the next pane", in: .runDetail, bar: "focus"),
        KeyBinding([.escape], .back, "back to the list", in: .runDetail, bar: "back"),
    ]

    static let compare: [KeyBinding] = [
        KeyBinding([.character("p")], .startScaling(.parallel), "pick a task: k parallel trajectories, Best-of-N picks the answer", in: .compare, bar: "parallel"),
        KeyBinding([.character("s")], .startScaling(.sequential), "pick a task: one trajectory refined over k rounds", in: .compare, bar: "sequential"),
        KeyBinding([.character("m")], .startMemoryComparison, "pick a task: run it with memory and without, side by side", in: .compare, bar: "mem/none"),
        KeyBinding([.character("+"), .character("=")], .moreAttempts, "k + 1 for the next MaTTS run (at most 8)", in: .compare, bar: "k"),
        KeyBinding([.character("-")], .fewerAttempts, "k − 1 for the next MaTTS run (at least 1)", in: .compare),
        KeyBinding([.character("l"), .right], .nextColumn, "the column on the right (scrolls when not all fit)", in: .compare, bar: "column"),
        KeyBinding([.character("h"), .left], .previousColumn, "the column on the left", in: .compare),
        KeyBinding([.tab], .focusNext, "focus the columns or the outcome below them", in: .compare),
        KeyBinding([.character("j"), .down], .moveDown, "scroll the columns (or the outcome) down", in: .compare),
        KeyBinding([.character("k"), .up], .moveUp, "scroll the columns (or the outcome) up", in: .compare),
        KeyBinding([.character("G"), .end], .bottom, "the end of every column, and follow it", in: .compare),
        KeyBinding([.escape], .cancelRun, "cancel the comparison in progress (asks first)", in: .compare, bar: "cancel"),
    ]

    static let gate: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .moveDown, "next entry, or scroll down", in: .gate),
        KeyBinding([.character("k"), .up], .moveUp, "previous entry, or scroll up", in: .gate),
        KeyBinding([.character("g"), .home], .top, "go to the top", in: .gate),
        KeyBinding([.character("G"), .end], .bottom, "go to the bottom", in: .gate),
        KeyBinding([.control("d"), .pageDown], .pageDown, "page down", in: .gate),
        KeyBinding([.control("u"), .pageUp], .pageUp, "page up", in: .gate),
        KeyBinding([.character("s")], .stopStepping, "decide as shown, then stop stepping", in: .gate, bar: "stop stepping"),
        KeyBinding([.escape], .cancelAtGate, "cancel the run (asks first)", in: .gate, bar: "cancel run"),
        KeyBinding([.character("?")], .help, "help", in: .gate, bar: "help"),
        KeyBinding([.character("1")], .showScreen(.run), "Run screen (the gate's dialog)", in: .gate),
        KeyBinding([.character("2")], .showScreen(.bank), "Bank screen; the gate waits", in: .gate),
        KeyBinding([.character("3")], .showScreen(.runs), "Runs screen; the gate waits", in: .gate),
        KeyBinding([.character("4")], .showScreen(.compare), "Compare screen; the gate waits", in: .gate),
    ]

    static let gateInjection: [KeyBinding] = [
        KeyBinding([.enter], .decide, "inject the memories as shown", in: .gateInjection, bar: "inject"),
        KeyBinding([.character("d")], .toggleDropMemory, "drop the memory, or keep it again", in: .gateInjection, bar: "drop/keep"),
        KeyBinding([.character("e")], .editMemory, "edit the memory in $EDITOR (this run only)", in: .gateInjection, bar: "edit"),
    ]

    static let gateModelCall: [KeyBinding] = [
        KeyBinding([.enter], .decide, "send the prompt as shown", in: .gateModelCall, bar: "send"),
        KeyBinding([.character("e")], .editPrompt, "edit the prompt in $EDITOR", in: .gateModelCall, bar: "edit"),
    ]

    static let gateJudging: [KeyBinding] = [
        KeyBinding([.enter], .decide, "let the judge decide", in: .gateJudging, bar: "judge"),
        KeyBinding([.character("y")], .judgeSuccess, "skip the judge: the run succeeded", in: .gateJudging, bar: "success"),
        KeyBinding([.character("n")], .judgeFailure, "skip the judge: the run failed", in: .gateJudging, bar: "failure"),
    ]

    static let gateConsolidation: [KeyBinding] = [
        KeyBinding([.enter], .decide, "store the kept items as shown", in: .gateConsolidation, bar: "store"),
        KeyBinding([.character("a")], .acceptItem, "keep the item (undoes x)", in: .gateConsolidation),
        KeyBinding([.character("x")], .rejectItem, "reject the item", in: .gateConsolidation, bar: "reject"),
        KeyBinding([.character("e")], .editExtracted, "edit the item in $EDITOR", in: .gateConsolidation, bar: "edit"),
        KeyBinding([.character("n")], .skipConsolidation, "store nothing from this run", in: .gateConsolidation, bar: "skip"),
        KeyBinding([.character("o")], .overrideVerdict, "flip the verdict, store the items as extracted", in: .gateConsolidation, bar: "flip verdict"),
    ]

    static let taskPicker: [KeyBinding] = [
        KeyBinding([.enter], .submit, "run the selected task", in: .taskPicker, bar: "run"),
        KeyBinding([.down, .control("n")], .moveDown, "next task", in: .taskPicker, bar: "next"),
        KeyBinding([.up, .control("p")], .moveUp, "previous task", in: .taskPicker, bar: "previous"),
        KeyBinding([.pageDown], .pageDown, "page down", in: .taskPicker),
        KeyBinding([.pageUp], .pageUp, "page up", in: .taskPicker),
        KeyBinding([.escape], .close, "close", in: .taskPicker, bar: "close"),
    ]

    static let palette: [KeyBinding] = [
        KeyBinding([.enter], .submit, "run the command", in: .palette, bar: "run"),
        KeyBinding([.up], .historyPrevious, "previous command in the history", in: .palette, bar: "history"),
        KeyBinding([.down], .historyNext, "next command in the history", in: .palette),
        KeyBinding([.escape], .close, "close", in: .palette, bar: "close"),
    ]

    static let search: [KeyBinding] = [
        KeyBinding([.enter], .submit, "search (empty: list every item)", in: .search, bar: "search"),
        KeyBinding([.escape], .close, "cancel", in: .search, bar: "cancel"),
    ]

    static let titleInput: [KeyBinding] = [
        KeyBinding([.enter], .submit, "save the new title", in: .titleInput, bar: "save"),
        KeyBinding([.escape], .close, "cancel", in: .titleInput, bar: "cancel"),
    ]

    static let lineEditing: [KeyBinding] = [
        KeyBinding([.left], .cursorLeft, "cursor left", in: .lineEditing),
        KeyBinding([.right], .cursorRight, "cursor right", in: .lineEditing),
        KeyBinding([.home, .control("a")], .cursorStart, "start of the line", in: .lineEditing),
        KeyBinding([.end, .control("e")], .cursorEnd, "end of the line", in: .lineEditing),
        KeyBinding([.backspace], .deleteBackward, "delete before the cursor", in: .lineEditing),
        KeyBinding([.delete], .deleteForward, "delete under the cursor", in: .lineEditing),
        KeyBinding([.control("u")], .clearLine, "clear the line", in: .lineEditing, bar: "clear"),
    ]

    static let help: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .moveDown, "scroll down", in: .help),
        KeyBinding([.character("k"), .up], .moveUp, "scroll up", in: .help),
        KeyBinding([.character("g"), .home], .top, "top", in: .help),
        KeyBinding([.character("G"), .end], .bottom, "bottom", in: .help),
        KeyBinding([.control("d"), .pageDown], .pageDown, "page down", in: .help),
        KeyBinding([.control("u"), .pageUp], .pageUp, "page up", in: .help),
        KeyBinding([.escape, .character("?"), .character("q")], .close, "close help", in: .help, bar: "close"),
    ]

    static let output: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .moveDown, "scroll down", in: .output),
        KeyBinding([.character("k"), .up], .moveUp, "scroll up", in: .output),
        KeyBinding([.character("g"), .home], .top, "top", in: .output),
        KeyBinding([.character("G"), .end], .bottom, "bottom", in: .output),
        KeyBinding([.control("d"), .pageDown], .pageDown, "page down", in: .output),
        KeyBinding([.control("u"), .pageUp], .pageUp, "page up", in: .output),
        KeyBinding([.escape, .character("q"), .enter], .close, "close", in: .output, bar: "close"),
        KeyBinding([.character(":")], .palette, "another command", in: .output, bar: "cmd"),
    ]

    static let confirm: [KeyBinding] = [
        KeyBinding([.character("y")], .confirm, "yes", in: .confirm, bar: "yes"),
        KeyBinding([.character("n"), .escape], .decline, "no", in: .confirm, bar: "no"),
    ]
}
