/// The Compare screen's commands: starting a comparison, k, moving between columns, scrolling, and
/// cancelling.
extension AppState {
    mutating func performCompare(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .startScaling(let mode):
            return openTaskPicker(.scaling(mode, k: compare.k))
        case .startMemoryComparison:
            return openTaskPicker(.memoryComparison)
        case .moreAttempts, .fewerAttempts:
            changeK(by: command == .moreAttempts ? 1 : -1)
        case .nextColumn, .previousColumn:
            moveColumn(by: command == .nextColumn ? 1 : -1)
        case .focusNext, .focusPrevious:
            guard compare.comparison != nil else { break }
            compare.focus = compare.focus == .columns ? .outcome : .columns
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            scrollCompare(command)
        case .cancelRun, .back:
            if compare.isRunning { overlay = .confirm(.cancelComparison) }
        default:
            break
        }
        return []
    }

    private mutating func changeK(by delta: Int) {
        let range = CompareScreenState.kRange
        let k = min(max(compare.k + delta, range.lowerBound), range.upperBound)
        guard k != compare.k else {
            flash("k stays between \(range.lowerBound) and \(range.upperBound).", .warning)
            return
        }
        compare.k = k
        flash("k = \(k): the next MaTTS run has \(DisplayFormat.plural(k, "trajectory", "trajectories")) (parallel) or \(DisplayFormat.plural(k, "round")) (sequential).")
    }

    /// Moves the column cursor, scrolling the columns as little as needed to keep it in view.
    private mutating func moveColumn(by delta: Int) {
        let count = compare.comparison?.columns.count ?? 0
        guard count > 0 else { return }
        compare.cursor = Self.clamp(compare.cursor + delta, to: count - 1)
        let shown = CompareScreenView.shownColumns(self)
        compare.firstColumn = shown.lowerBound
    }

    /// Scrolls the focused part: the column bodies together (reaching their end follows them again), or
    /// the outcome.
    private mutating func scrollCompare(_ command: WorkbenchCommand) {
        switch compare.focus {
        case .columns:
            if command == .bottom {
                compare.columnScroll = nil
                return
            }
            let last = CompareScreenView.maxColumnScroll(self)
            let page = Self.page(CompareScreenView.columnBodyHeight(self))
            let target = Self.target(command, from: compare.columnScroll ?? last, last: last, page: page)
            let down = command == .moveDown || command == .pageDown
            compare.columnScroll = down && target >= last ? nil : target
        case .outcome:
            let visible = CompareScreenView.outcomeInterior(self)?.height ?? 1
            let last = max(0, CompareScreenView.outcomeLineCount(self) - visible)
            compare.outcomeScroll = Self.target(command, from: compare.outcomeScroll, last: last, page: Self.page(visible))
        }
    }
}
