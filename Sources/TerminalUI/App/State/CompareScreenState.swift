import ReasoningBank

/// The Compare screen: the comparison shown (running or the last one), how the next one is set up,
/// and where the person is looking.
struct CompareScreenState: Sendable {
    /// The scaling factor the next MaTTS run uses (`+`/`-`).
    var k = 3
    var comparison: Comparison?
    var focus: ComparePane = .columns
    /// The column the cursor is on (`h`/`l`); the view keeps it visible.
    var cursor = 0
    /// The first column shown when not all of them fit.
    var firstColumn = 0
    /// Lines the column bodies are scrolled from their tops; nil follows each column's end.
    var columnScroll: Int?
    /// Lines the outcome pane is scrolled.
    var outcomeScroll = 0

    /// The range k is kept in.
    static let kRange = 1...8

    var isRunning: Bool { comparison?.isRunning ?? false }
}
