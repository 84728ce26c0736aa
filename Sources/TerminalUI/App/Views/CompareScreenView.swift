import ReasoningBank

/// The Compare screen: k columns side by side (MaTTS trajectories or rounds, or a task with memory and
/// without), each streaming its steps with its verdict against the ground truth; below them the
/// outcome — the selector's choice and reason, pass@1, and the memories shown and stored. Columns are
/// at least `minimumColumnWidth` wide; when not all fit, `h`/`l` scroll them.
enum CompareScreenView {
    /// The narrowest a column is drawn.
    static let minimumColumnWidth = 26
    /// Fixed lines at the top of every column: status, verdicts, marks; then a rule.
    static let headerLines = 4

    struct Layout: Sendable {
        var columns: Rect
        var outcome: Rect
    }

    static func layout(_ body: Rect) -> Layout {
        let outcomeHeight = body.height >= 30 ? body.height / 3 : max(5, body.height * 3 / 10)
        let (columns, outcome) = body.splitBottom(outcomeHeight)
        return Layout(columns: columns, outcome: outcome)
    }

    static func draw(_ state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        guard let comparison = state.compare.comparison else {
            grid.drawPane(body, title: "Compare", lines: intro(state, width: Grid.paneInterior(body).width), offset: 0, focused: true, theme: theme)
            return
        }
        let layout = layout(body)
        let compare = state.compare
        let shown = shownColumns(count: comparison.columns.count, cursor: compare.cursor, first: compare.firstColumn, width: layout.columns.width)
        let rects = layout.columns.columns(Array(repeating: 1, count: shown.count))
        for (index, rect) in zip(shown, rects) {
            let inner = Grid.paneInterior(rect)
            let chosen = comparison.chosenIndex == index
            var title = comparison.columns[index].title + (chosen ? " ★" : "")
            if index == shown.lowerBound, shown.lowerBound > 0 { title = "◂ " + title }
            if index == shown.upperBound - 1, shown.upperBound < comparison.columns.count { title += " ▸" }
            let lines = columnBody(comparison, index: index, width: inner.width)
            let visible = max(0, inner.height - headerLines)
            let offset = compare.columnScroll.map { Grid.clampedOffset($0, count: lines.count, visible: visible) }
                ?? max(0, lines.count - visible)
            let below = lines.count - offset - visible
            let note = below > 0 ? "↓ \(below) more" : offset > 0 ? "↑ \(offset) above" : nil
            grid.drawBox(
                rect, title: title, focused: compare.focus == .columns && compare.cursor == index, theme: theme, note: note,
                borderRole: chosen ? .success : nil)
            let header = columnHeader(comparison, index: index, width: inner.width)
            grid.draw(header, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: min(headerLines, inner.height)), theme: theme)
            grid.draw(lines, in: Rect(x: inner.x, y: inner.y + headerLines, width: inner.width, height: visible), offset: offset, theme: theme)
        }
        let outcomeWidth = Grid.paneInterior(layout.outcome).width
        grid.drawPane(
            layout.outcome, title: outcomeTitle(comparison), lines: outcome(state, width: outcomeWidth), offset: compare.outcomeScroll,
            focused: compare.focus == .outcome, theme: theme)
    }

    // MARK: Geometry, for the reducer

    /// The columns shown: as many as fit at `minimumColumnWidth`, starting at `first` but moved so the
    /// cursor's column is among them.
    static func shownColumns(count: Int, cursor: Int, first: Int, width: Int) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let fit = min(count, max(1, width / minimumColumnWidth))
        var start = max(0, min(first, count - fit))
        let cursor = max(0, min(cursor, count - 1))
        if cursor < start { start = cursor }
        if cursor >= start + fit { start = cursor - fit + 1 }
        return start..<(start + fit)
    }

    /// The columns shown at the state's size.
    static func shownColumns(_ state: AppState) -> Range<Int> {
        let compare = state.compare
        return shownColumns(
            count: compare.comparison?.columns.count ?? 0, cursor: compare.cursor, first: compare.firstColumn,
            width: layout(ScreenFrame(size: state.size).body).columns.width)
    }

    /// The interior width of each shown column at the state's size.
    static func columnWidth(_ state: AppState) -> Int {
        let shown = shownColumns(state)
        let rects = layout(ScreenFrame(size: state.size).body).columns.columns(Array(repeating: 1, count: max(1, shown.count)))
        return Grid.paneInterior(rects.first ?? Rect(x: 0, y: 0, width: 0, height: 0)).width
    }

    /// Rows of column body (below the fixed header) at the state's size.
    static func columnBodyHeight(_ state: AppState) -> Int {
        max(1, Grid.paneInterior(layout(ScreenFrame(size: state.size).body).columns).height - headerLines)
    }

    /// The furthest the shown column bodies scroll: the longest one's last page.
    static func maxColumnScroll(_ state: AppState) -> Int {
        guard let comparison = state.compare.comparison else { return 0 }
        let width = columnWidth(state)
        let visible = columnBodyHeight(state)
        return shownColumns(state).map { max(0, columnBody(comparison, index: $0, width: width).count - visible) }.max() ?? 0
    }

    /// The outcome pane's text area at the state's size (nil with no comparison).
    static func outcomeInterior(_ state: AppState) -> Rect? {
        guard state.compare.comparison != nil else { return nil }
        return Grid.paneInterior(layout(ScreenFrame(size: state.size).body).outcome)
    }

    /// Lines of the outcome pane at the state's size.
    static func outcomeLineCount(_ state: AppState) -> Int {
        guard let inner = outcomeInterior(state) else { return 0 }
        return outcome(state, width: inner.width).count
    }

    // MARK: Before any comparison

    static func intro(_ state: AppState, width: Int) -> [StyledLine] {
        let k = state.compare.k
        var lines: [StyledLine] = [StyledLine("No comparison yet.", .title), .blank]
        let keyWidth = 5
        func entry(_ key: String, _ text: String) -> [StyledLine] {
            StyledLine.labeled(key, text, labelWidth: keyWidth, width: width, labelRole: .key)
        }
        lines += entry("p", "Run a task of the \(state.environment) suite as k = \(k) parallel trajectories, side by side. The Best-of-N selector picks the final answer, and memories are extracted by self-contrast over all k.")
        lines += entry("s", "Refine one trajectory over k = \(k) rounds, each round checking the last; the lessons of the rounds become memories.")
        lines += entry("m", "Run a task with memory and without (memory mode none) at once, side by side, each with its verdict and the ground truth.")
        lines += entry("+ -", "Change k (now \(k), from \(CompareScreenState.kRange.lowerBound) to \(CompareScreenState.kRange.upperBound)).")
        lines.append(.blank)
        lines += StyledLine.wrapped(
            "Comparisons run unattended (step mode is for the Run screen). Every run is recorded; Esc cancels one in progress.",
            width: width, role: .muted)
        return lines
    }
}
