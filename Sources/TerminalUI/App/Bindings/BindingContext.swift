/// Where a key binding applies. The workbench looks a key up in the contexts of its current state,
/// most specific first (see `AppState.keyContexts`); help and the bottom bar list the same contexts.
public enum BindingContext: String, Sendable, Hashable, CaseIterable {
    /// Everywhere, even in dialogs and inputs (`C-c`).
    case always
    /// On any screen when no dialog, overlay or input is open.
    case global
    /// The Run screen.
    case run
    /// The Bank screen, whichever pane has focus.
    case bank
    /// The Bank screen's item list.
    case bankList
    /// The Bank screen's detail pane.
    case bankDetail
    /// The revision history of an item.
    case bankHistory
    /// The diff between two revisions.
    case bankDiff
    /// The Compare screen.
    case compare
    /// The Runs screen's lists of runs and benches.
    case runsList
    /// A run opened read-only.
    case runDetail
    /// Every held gate.
    case gate
    /// The before-injection gate.
    case gateInjection
    /// The before-model-call gate.
    case gateModelCall
    /// The before-judging gate.
    case gateJudging
    /// The before-consolidation gate.
    case gateConsolidation
    /// The task picker.
    case taskPicker
    /// The `:` palette.
    case palette
    /// The Bank screen's search input.
    case search
    /// The Bank screen's title input.
    case titleInput
    /// Editing keys shared by every one-line input.
    case lineEditing
    /// The help overlay.
    case help
    /// A command's output.
    case output
    /// A yes/no question.
    case confirm

    /// The heading help gives the context.
    public var title: String {
        switch self {
        case .always, .global: "Everywhere"
        case .run: "Run screen"
        case .bank: "Bank screen"
        case .bankList: "Bank · item list"
        case .bankDetail: "Bank · item detail"
        case .bankHistory: "Bank · revision history"
        case .bankDiff: "Bank · revision diff"
        case .compare: "Compare screen"
        case .runsList: "Runs screen"
        case .runDetail: "Runs · an opened run"
        case .gate: "Any held gate (step mode)"
        case .gateInjection: "Gate · before injection"
        case .gateModelCall: "Gate · before a model call"
        case .gateJudging: "Gate · before judging"
        case .gateConsolidation: "Gate · before consolidation"
        case .taskPicker: "Task picker"
        case .palette: "Command palette"
        case .search: "Bank · search input"
        case .titleInput: "Bank · title input"
        case .lineEditing: "Editing a line"
        case .help: "Help"
        case .output: "Command output"
        case .confirm: "Questions"
        }
    }

    /// Whether printable keys not bound here are typed into an input.
    var acceptsText: Bool {
        switch self {
        case .palette, .search, .titleInput, .taskPicker: true
        default: false
        }
    }
}
