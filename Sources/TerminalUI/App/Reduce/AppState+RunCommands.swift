/// The Run screen's commands: picking a task, step mode, focus, moving through the trajectory and the
/// other panes, folding, and cancelling.
extension AppState {
    mutating func performRun(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .pickTask:
            return pickTask()
        case .toggleStepMode:
            stepMode.toggle()
            flash(stepMode ? "Step mode on: the run waits at every gate for you." : "Step mode off: runs go through every gate on their own.")
            return [.setStepMode(stepMode)]
        case .focusNext, .focusPrevious:
            let panes = RunPane.allCases
            let step = command == .focusNext ? 1 : panes.count - 1
            run.focus = panes[(run.focus.rawValue + step) % panes.count]
        case .moveDown, .moveUp:
            let delta = command == .moveDown ? 1 : -1
            if run.focus == .trajectory { selectStep(by: delta) } else { scrollRunPane(by: delta) }
        case .pageDown, .pageUp:
            let visible = RunScreenView.paneInterior(run.focus, state: self)?.height ?? 1
            let delta = (command == .pageDown ? 1 : -1) * Self.page(visible)
            if run.focus == .trajectory { scrollTrajectory(by: delta) } else { scrollRunPane(by: delta) }
        case .top:
            if run.focus == .trajectory {
                run.selectedStep = (run.live?.steps.isEmpty ?? true) ? nil : 0
                run.stepScroll = 0
            } else {
                run.paneScroll[run.focus] = 0
            }
        case .bottom:
            if run.focus == .trajectory {
                run.selectedStep = nil
                run.stepScroll = 0
            } else {
                run.paneScroll[run.focus] = maxRunPaneScroll(run.focus)
            }
        case .toggleFold, .open:
            toggleFold()
        case .cancelRun, .back:
            if run.isRunning { overlay = .confirm(.cancelRun) }
        default:
            break
        }
        return []
    }

    private mutating func pickTask() -> [AppEffect] {
        guard !run.isRunning else {
            flash("A run is in progress. Esc cancels it; r works again when it ends.", .warning)
            return []
        }
        return openTaskPicker(.run)
    }

    /// Opens the task picker for `purpose`, asking for the suite the first time. Nothing opens while a
    /// comparison runs: the host runs one thing at a time.
    mutating func openTaskPicker(_ purpose: TaskPicker.Purpose) -> [AppEffect] {
        guard !isBusy else {
            let what = run.isRunning ? "A run is in progress on the Run screen (1)" : "A comparison is in progress on the Compare screen (4)"
            flash(what + "; Esc there cancels it.", .warning)
            return []
        }
        overlay = .taskPicker(TaskPicker(purpose: purpose))
        guard run.tasks.isEmpty, !run.tasksRequested else { return [] }
        run.tasksRequested = true
        return [.loadTasks]
    }

    /// Moves the step cursor; reaching the newest step follows new ones again.
    private mutating func selectStep(by delta: Int) {
        let count = run.live?.steps.count ?? 0
        guard count > 0 else { return }
        let current = run.selectedStep ?? count - 1
        let target = max(0, min(current + delta, count - 1))
        run.selectedStep = target == count - 1 ? nil : target
        run.stepScroll = 0
    }

    /// Scrolls the trajectory by lines, relative to the selected step.
    private mutating func scrollTrajectory(by delta: Int) {
        guard let interior = RunScreenView.paneInterior(.trajectory, state: self), let live = run.live else { return }
        let text = RunScreenView.trajectory(self, width: interior.width, focused: true)
        let last = max(0, text.lines.count - interior.height)
        let top = RunScreenView.trajectoryOffset(run, text: text, visible: interior.height)
        if run.selectedStep == nil, !live.steps.isEmpty { run.selectedStep = live.steps.count - 1 }
        guard let selected = run.selectedStep, text.stepStarts.indices.contains(selected) else { return }
        let start = selected == 0 ? 0 : text.stepStarts[selected]
        run.stepScroll = Self.clamp(top + delta, to: last) - start
    }

    private mutating func scrollRunPane(by delta: Int) {
        let pane = run.focus
        run.paneScroll[pane] = Self.clamp((run.paneScroll[pane] ?? 0) + delta, to: maxRunPaneScroll(pane))
    }

    func maxRunPaneScroll(_ pane: RunPane) -> Int {
        guard let interior = RunScreenView.paneInterior(pane, state: self) else { return 0 }
        return max(0, RunScreenView.lines(pane, state: self, width: interior.width).count - interior.height)
    }

    private mutating func toggleFold() {
        guard run.focus == .trajectory, let live = run.live, !live.steps.isEmpty else { return }
        let step = live.steps[max(0, min(run.selectedStep ?? live.steps.count - 1, live.steps.count - 1))]
        let width = RunScreenView.paneInterior(.trajectory, state: self)?.width ?? 40
        guard run.unfolded.contains(step.index) || RunContent.isFoldable(step, width: width) else {
            flash("Step \(step.index) is already shown in full.")
            return
        }
        if run.unfolded.contains(step.index) { run.unfolded.remove(step.index) } else { run.unfolded.insert(step.index) }
    }
}
