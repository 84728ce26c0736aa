import ReasoningBank

/// The Runs screen's commands: moving through runs and benches, opening one, and stepping through an
/// opened run.
extension AppState {
    mutating func performRuns(_ command: WorkbenchCommand) -> [AppEffect] {
        if runs.opened != nil { return performOpenedRun(command) }
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            let focus = runs.focus
            let visible = RunsScreenView.visibleRows(self, focus: focus)
            let count = focus == .runs ? runs.runs.count : runs.benches.count
            let current = focus == .runs ? runs.runCursor.selection : runs.benchCursor.selection
            let target = Self.target(command, from: current, last: count - 1, page: Self.page(visible))
            if focus == .runs {
                runs.runCursor.select(target, count: count, visible: visible)
            } else {
                runs.benchCursor.select(target, count: count, visible: visible)
            }
        case .focusNext, .focusPrevious:
            runs.focus = runs.focus == .runs ? .benches : .runs
        case .open:
            if runs.focus == .benches {
                guard let bench = runs.selectedBench else { return [] }
                overlay = .output(title: "bench " + bench.id, text: RunsScreenView.benchReport(bench), scroll: 0)
                return []
            }
            guard let run = runs.selectedRun else { return [] }
            runs.requestedRunID = run.id
            return [.openRun(id: run.id)]
        case .reloadRuns:
            return [.loadRuns]
        default:
            break
        }
        return []
    }

    private mutating func performOpenedRun(_ command: WorkbenchCommand) -> [AppEffect] {
        guard var opened = runs.opened else { return [] }
        let stepCount = opened.record.trajectory.steps.count
        let interior = OpenedRunView.paneInterior(opened.focus, opened: opened, size: size)
        let visible = interior?.height ?? 1
        func maxScroll(_ pane: OpenedRun.Pane) -> Int {
            guard let rect = OpenedRunView.paneInterior(pane, opened: opened, size: size) else { return 0 }
            return max(0, OpenedRunView.lines(pane, opened: opened, width: rect.width).count - rect.height)
        }
        switch command {
        case .nextStep, .previousStep:
            opened.step = Self.target(command, from: opened.step, last: stepCount - 1, page: 1)
            opened.stepScroll = 0
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp:
            let pane = opened.focus
            let page = Self.page(visible)
            switch (pane, command) {
            case (.steps, .pageDown), (.steps, .pageUp):
                opened.stepScroll = Self.target(command, from: opened.stepScroll, last: maxScroll(.steps), page: page)
            case (.steps, _):
                opened.step = Self.target(command, from: opened.step, last: stepCount - 1, page: 1)
                opened.stepScroll = 0
            default:
                opened.paneScroll[pane] = Self.target(command, from: opened.paneScroll[pane] ?? 0, last: maxScroll(pane), page: page)
            }
        case .focusNext, .focusPrevious:
            let panes = OpenedRun.Pane.allCases
            let step = command == .focusNext ? 1 : panes.count - 1
            opened.focus = panes[(opened.focus.rawValue + step) % panes.count]
        case .back:
            runs.opened = nil
            return []
        default:
            break
        }
        runs.opened = opened
        return []
    }
}
