import ReasoningBank

/// A stored run opened read-only on the Runs screen, with a cursor through its steps.
struct OpenedRun: Sendable, Hashable {
    enum Pane: Int, Sendable, Hashable, CaseIterable {
        case steps
        case memories
        case verdict
        case overrides

        var title: String {
            switch self {
            case .steps: "Steps"
            case .memories: "Shown memories"
            case .verdict: "Verdict"
            case .overrides: "Gate overrides"
            }
        }
    }

    var record: RunRecord
    /// The step shown (an index into the steps).
    var step = 0
    /// Lines scrolled within the step.
    var stepScroll = 0
    var focus: Pane = .steps
    var paneScroll: [Pane: Int] = [:]

    init(record: RunRecord) {
        self.record = record
    }
}
