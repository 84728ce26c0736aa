import ReasoningBank

/// Everything the workbench shows, as one value: the screen, each screen's state, the held gate, the
/// overlay, the status line. `WorkbenchProgram.reduce` changes it; `render` draws it.
public struct AppState: Sendable {
    /// What the top bar shows.
    public internal(set) var header: HeaderInfo
    /// The terminal's size, for layouts that `reduce` needs (pages, scroll limits).
    public internal(set) var size: Size
    /// The environment whose tasks the Run screen runs.
    public internal(set) var environment: String
    /// Whether runs hold every gate for the person.
    public internal(set) var stepMode: Bool
    /// The screen shown.
    public internal(set) var screen: Screen = .run
    /// Set when the person quits; the runtime then restores the terminal.
    public internal(set) var isFinished = false

    var run = RunScreenState()
    /// The gate the loop is holding, shown as a dialog over the Run screen.
    var gate: GateState?
    var bank = BankScreenState()
    var runs = RunsScreenState()
    var compare = CompareScreenState()
    var overlay: Overlay?
    var palette = PaletteState()
    var status: StatusLine?

    /// A workbench on the Run screen, with nothing loaded yet.
    public init(header: HeaderInfo, size: Size, environment: String, stepMode: Bool = false) {
        self.header = header
        self.size = size
        self.environment = environment
        self.stepMode = stepMode
    }

    /// Whether a run or a comparison is in progress (the host runs one at a time).
    var isBusy: Bool { run.isRunning || compare.isRunning }

    /// Shows `text` on the status line.
    mutating func flash(_ text: String, _ kind: StatusLine.Kind = .info) {
        status = StatusLine(text: text, kind: kind)
    }
}
