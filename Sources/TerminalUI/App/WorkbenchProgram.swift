import ReasoningBank

/// The workbench as a `TerminalProgram`: `reduce` folds keys, engine events and the host's answers into
/// `AppState` and asks for `AppEffect`s; `render` draws the state. Both are pure.
public enum WorkbenchProgram: TerminalProgram {
    public typealias State = AppState
    public typealias Message = AppMessage
    public typealias Effect = AppEffect

    /// Applies `message`. Keys go through `KeyBinding.table`; every other message is an engine event or
    /// the answer to an effect.
    public static func reduce(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
        switch message {
        case .key(let key):
            return state.handle(key)
        case .resized(let size):
            state.resize(to: size)
            return []
        case .engine(let event):
            return state.apply(event)
        case .memoryComparison(let side, let event):
            return state.applyMemoryComparison(side, event)
        case .gateHeld(let ticket):
            state.hold(ticket)
            return []
        case .tasksLoaded(let environment, let tasks):
            state.tasksLoaded(tasks, environment: environment)
            return []
        case .itemsLoaded(let items, let scores):
            return state.itemsLoaded(items, scores: scores)
        case .itemLoaded(let item, let usage, let revisions):
            state.itemLoaded(item, usage: usage, revisions: revisions)
            return []
        case .runsLoaded(let runs, let benches):
            state.runsLoaded(runs, benches: benches)
            return []
        case .runLoaded(let record):
            state.runLoaded(record)
            return []
        case .editorFinished(let request, let text):
            return state.finishEditing(request, text: text)
        case .bankChanged(let text):
            return state.bankChanged(text)
        case .headerChanged(let header):
            state.header = header
            return []
        case .commandOutput(let title, let text):
            state.showOutput(title: title, text: text)
            return []
        case .failed(let text):
            state.flash(text, .failure)
            return []
        case .notice(let text):
            state.flash(text, .info)
            return []
        }
    }

    /// Draws the whole workbench for `size` with `theme`'s styles (see `WorkbenchView`).
    public static func render(_ state: AppState, size: Size, theme: Theme) -> Grid {
        WorkbenchView.render(state, size: size, theme: theme)
    }

    /// A key press, for `reduce`.
    public static func keyMessage(_ key: Key) -> AppMessage { .key(key) }

    /// A new terminal size, for `reduce`.
    public static func resizeMessage(_ size: Size) -> AppMessage { .resized(size) }

    /// Whether the person quit.
    public static func isFinished(_ state: AppState) -> Bool { state.isFinished }
}
