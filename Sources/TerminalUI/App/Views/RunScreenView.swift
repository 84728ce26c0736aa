import ReasoningBank

/// The Run screen: the trajectory (with the model output streaming in), the retrieved memories, the
/// verdict and the extracted items. Side by side from 76 columns; below that the focused pane is shown
/// big and the others as one-row headers.
enum RunScreenView {
    /// The trajectory's lines and where each step starts.
    struct TrajectoryText: Sendable {
        var lines: [StyledLine]
        var stepStarts: [Int]
    }

    static func layout(_ body: Rect, focus: RunPane) -> PaneLayout<RunPane> {
        if body.width >= 76 {
            return .columns(body, main: .trajectory, mainShare: 57, side: [.memories, .verdict, .extracted], weights: [8, 7, 6])
        }
        return .stacked(body, panes: RunPane.allCases, focus: focus)
    }

    static func draw(_ state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        let run = state.run
        let layout = layout(body, focus: run.focus)
        for pane in RunPane.allCases {
            guard let rect = layout.rects[pane] else { continue }
            let title = title(pane, run: run)
            if layout.collapsed.contains(pane) {
                PaneLayout<RunPane>.drawCollapsed(rect, title: title, grid: &grid, theme: theme)
                continue
            }
            let width = Grid.paneInterior(rect).width
            let focused = run.focus == pane && state.gate == nil
            switch pane {
            case .trajectory:
                let text = trajectory(state, width: width, focused: focused)
                let offset = trajectoryOffset(run, text: text, visible: Grid.paneInterior(rect).height)
                grid.drawPane(rect, title: title, lines: text.lines, offset: offset, focused: focused, theme: theme)
            default:
                grid.drawPane(
                    rect, title: title, lines: lines(pane, state: state, width: width), offset: run.paneScroll[pane] ?? 0,
                    focused: focused, theme: theme)
            }
        }
    }

    static func title(_ pane: RunPane, run: RunScreenState) -> String {
        guard let live = run.live else { return pane.title }
        switch pane {
        case .trajectory:
            return "Trajectory · \(live.record.task.id) · " + DisplayFormat.plural(live.steps.count, "step")
        case .memories:
            return live.hasRetrieved ? "Memories · \(live.injected.count) injected" : pane.title
        case .verdict:
            guard let verdict = live.record.verdict else { return pane.title }
            return "Verdict · " + (verdict.status?.rawValue ?? "unparsed")
        case .extracted:
            if let experience = live.consolidated { return "Extracted · \(experience.items.count) stored" }
            return live.hasExtracted ? "Extracted · " + DisplayFormat.plural(live.record.extracted.count, "item") : pane.title
        }
    }

    /// The lines of a pane other than the trajectory.
    static func lines(_ pane: RunPane, state: AppState, width: Int) -> [StyledLine] {
        switch pane {
        case .trajectory: trajectory(state, width: width, focused: false).lines
        case .memories: memories(state.run.live, gate: state.gate, width: width)
        case .verdict: verdict(state.run.live, width: width)
        case .extracted: extracted(state.run.live, width: width)
        }
    }

    /// The rectangle of `pane` in a terminal of `size`, nil when collapsed.
    static func paneInterior(_ pane: RunPane, state: AppState) -> Rect? {
        let layout = layout(ScreenFrame(size: state.size).body, focus: state.run.focus)
        guard !layout.collapsed.contains(pane), let rect = layout.rects[pane] else { return nil }
        return Grid.paneInterior(rect)
    }

    // MARK: Trajectory

    static func trajectory(_ state: AppState, width: Int, focused: Bool) -> TrajectoryText {
        let run = state.run
        guard let live = run.live else {
            var lines: [StyledLine] = [StyledLine("No run yet.", .title), .blank]
            lines += StyledLine.wrapped("Press r to pick a task of the \(state.environment) suite and run it.", width: width)
            lines += StyledLine.wrapped(
                "Press s to turn step mode " + (state.stepMode ? "off; it is on, so every gate waits for you." : "on: every gate then waits for you."),
                width: width)
            lines.append(.blank)
            lines += StyledLine.wrapped(
                "Each step's thought, action and observation appear here as the agent works, with the model's output streaming in.",
                width: width, role: .muted)
            return TrajectoryText(lines: lines, stepStarts: [])
        }
        let task = live.record.task
        var lines: [StyledLine] = [StyledLine([Span("Task ", .muted), Span(task.id, .title), Span(" · " + task.environment, .muted)])]
        lines += StyledLine.wrapped(task.query, width: width)
        var starts: [Int] = []
        let selected = run.selectedStep ?? live.steps.count - 1
        for (index, step) in live.steps.enumerated() {
            lines.append(.blank)
            starts.append(lines.count)
            lines += RunContent.step(
                step, selected: index == selected, highlighted: focused && index == selected,
                unfolded: run.unfolded.contains(step.index), width: width)
        }
        lines.append(.blank)
        lines += tail(state, live: live, width: width)
        return TrajectoryText(lines: lines, stepStarts: starts)
    }

    /// What follows the steps: the model output streaming, what the run waits for, or how it ended.
    private static func tail(_ state: AppState, live: LiveRun, width: Int) -> [StyledLine] {
        let record = live.record
        guard live.isRunning else {
            var lines = [
                StyledLine([
                    Span("■ " + record.status.rawValue, DisplayFormat.role(record.status)),
                    Span(" · " + DisplayFormat.plural(live.steps.count, "step") + " · " + DisplayFormat.count(record.usage.totalTokens) + " tokens", .muted),
                ])
            ]
            if let message = record.errorMessage { lines += StyledLine.wrapped(message, width: width, role: .failure, indent: 2) }
            return lines
        }
        if let gate = state.gate {
            return [StyledLine("‖ held at \(gate.ticket.gate.name): the dialog decides what happens next", .warning)]
        }
        guard let purpose = live.streamingPurpose, !live.streaming.isEmpty else {
            let waiting = live.hasRetrieved ? "● waiting for the model…" : "● retrieving memories…"
            return [StyledLine(waiting, .muted)]
        }
        var lines = [StyledLine("● \(purpose.rawValue) model · streaming", .accent)]
        let wrapped = StyledLine.wrapped(live.streaming, width: width, role: .accent, indent: 2)
        lines += wrapped.suffix(8)
        return lines
    }

    /// The first line shown: the selected step at the top (the task above the first step), or the end
    /// while following.
    static func trajectoryOffset(_ run: RunScreenState, text: TrajectoryText, visible: Int) -> Int {
        let last = max(0, text.lines.count - max(1, visible))
        guard let selected = run.selectedStep, text.stepStarts.indices.contains(selected) else { return last }
        let start = selected == 0 ? 0 : text.stepStarts[selected]
        return max(0, min(start + run.stepScroll, last))
    }

    // MARK: Memories

    static func memories(_ live: LiveRun?, gate: GateState? = nil, width: Int) -> [StyledLine] {
        guard let live else { return StyledLine.wrapped("The memories retrieved for a run, with their similarity and provenance.", width: width, role: .muted) }
        guard live.hasRetrieved else {
            if case .beforeInjection(_, let memories) = gate?.ticket.gate {
                return StyledLine.wrapped(
                    DisplayFormat.plural(memories.count, "memory", "memories") + " retrieved; the gate decides which are injected.", width: width, role: .muted)
            }
            return [StyledLine(live.isRunning ? "Retrieving…" : "Nothing was retrieved.", .muted)]
        }
        let log = live.record.retrieval
        var lines: [StyledLine] = []
        if live.injected.isEmpty {
            lines.append(StyledLine(log.hits.isEmpty ? "Nothing retrieved: the bank had no match." : "Nothing injected.", .muted))
        }
        var scores: [String: Double] = [:]
        for hit in log.hits { for id in hit.itemIDs where scores[id] == nil { scores[id] = hit.score } }
        let scoreWidth = 6
        let textWidth = max(1, width - scoreWidth)
        let pad = String(repeating: " ", count: scoreWidth)
        for (index, item) in live.injected.enumerated() {
            if index > 0 { lines.append(.blank) }
            let score = scores[item.id].map(DisplayFormat.score) ?? "  —"
            let title = (item.isPinned ? "★ " : "") + item.title
            for (row, piece) in TextLayout.wrap(title, to: textWidth).prefix(2).enumerated() {
                lines.append(StyledLine([Span(row == 0 ? TextLayout.pad(score, to: scoreWidth) : pad, .accent), Span(piece, .title)]))
            }
            if width >= 50, !item.description.isEmpty {
                lines.append(StyledLine(pad + TextLayout.truncate(TextLayout.singleLine(item.description), to: textWidth), .text))
            }
            let origin = RunContent.origin(item)
            if let source = RunContent.source(item) {
                if TextLayout.width(origin + " · " + source) <= textWidth {
                    lines.append(StyledLine(pad + origin + " · " + source, .muted))
                } else {
                    lines.append(StyledLine(pad + origin, .muted))
                    lines.append(StyledLine(pad + TextLayout.truncate(source, to: textWidth), .muted))
                }
            } else {
                lines.append(StyledLine(pad + origin, .muted))
            }
        }
        let injected = Set(live.injected.map(\.id))
        let notInjected = Set(log.hits.flatMap(\.itemIDs)).subtracting(injected).count
        if notInjected > 0 {
            lines.append(.blank)
            lines += StyledLine.wrapped("\(DisplayFormat.plural(notInjected, "retrieved item")) not injected (removed at the gate).", width: width, role: .muted)
        }
        if !log.excludedByLeakageGuard.isEmpty {
            lines.append(.blank)
            lines += StyledLine.wrapped(
                "\(DisplayFormat.plural(log.excludedByLeakageGuard.count, "same-task experience")) skipped by the leakage guard.", width: width, role: .muted)
        }
        return lines
    }

    // MARK: Verdict

    static func verdict(_ live: LiveRun?, width: Int) -> [StyledLine] {
        guard let live else { return StyledLine.wrapped("The judge's verdict, the ground truth and whether they agree.", width: width, role: .muted) }
        guard let verdict = live.record.verdict else {
            return StyledLine.wrapped(live.isRunning ? "The judge speaks after the last step." : "The run ended before it was judged.", width: width, role: .muted)
        }
        return RunContent.verdict(verdict, truth: live.record.groundTruth, width: width)
    }

    // MARK: Extracted

    static func extracted(_ live: LiveRun?, width: Int) -> [StyledLine] {
        guard let live else { return StyledLine.wrapped("The items extracted from the run, and whether they were stored.", width: width, role: .muted) }
        guard live.hasExtracted else {
            return StyledLine.wrapped(live.isRunning ? "Items are extracted after the verdict." : "Nothing was extracted.", width: width, role: .muted)
        }
        let items = live.record.extracted
        guard !items.isEmpty else { return [StyledLine("The extractor found nothing to keep.", .muted)] }
        let stored = live.consolidated?.items ?? []
        var unmatched = stored
        var lines: [StyledLine] = []
        let numberWidth = 3
        let pad = String(repeating: " ", count: numberWidth)
        let textWidth = max(1, width - numberWidth)
        for (index, item) in items.enumerated() {
            lines.append(StyledLine([Span(TextLayout.pad("\(index + 1)", to: numberWidth), .muted), Span(TextLayout.truncate(item.title, to: textWidth), .title)]))
            if let match = unmatched.firstIndex(where: { $0.fields == item }) {
                lines.append(StyledLine(pad + "✓ stored as " + unmatched[match].id, .success))
                unmatched.remove(at: match)
            } else if live.consolidated != nil || !live.isRunning {
                lines.append(StyledLine(pad + "✗ not stored", .failure))
            } else {
                lines.append(StyledLine(pad + "… waiting for consolidation", .muted))
            }
        }
        for item in unmatched {
            lines.append(StyledLine([Span(TextLayout.pad("+", to: numberWidth), .muted), Span(TextLayout.truncate(item.title, to: textWidth), .title)]))
            lines.append(StyledLine(pad + "✓ stored as " + item.id + " (edited at the gate)", .success))
        }
        return lines
    }
}
