import ReasoningBank

/// A stored run opened read-only: one step at a time, the memories it was shown, its verdict and ground
/// truth, and every decision a person made at its gates.
enum OpenedRunView {
    static func layout(_ body: Rect, focus: OpenedRun.Pane) -> PaneLayout<OpenedRun.Pane> {
        if body.width >= 76 {
            return .columns(body, main: .steps, mainShare: 57, side: [.memories, .verdict, .overrides], weights: [8, 7, 6])
        }
        return .stacked(body, panes: OpenedRun.Pane.allCases, focus: focus)
    }

    static func draw(_ opened: OpenedRun, body: Rect, grid: inout Grid, theme: Theme) {
        let layout = layout(body, focus: opened.focus)
        for pane in OpenedRun.Pane.allCases {
            guard let rect = layout.rects[pane] else { continue }
            let title = title(pane, opened: opened)
            if layout.collapsed.contains(pane) {
                PaneLayout<OpenedRun.Pane>.drawCollapsed(rect, title: title, grid: &grid, theme: theme)
                continue
            }
            let width = Grid.paneInterior(rect).width
            let offset = pane == .steps ? opened.stepScroll : opened.paneScroll[pane] ?? 0
            grid.drawPane(rect, title: title, lines: lines(pane, opened: opened, width: width), offset: offset, focused: opened.focus == pane, theme: theme)
        }
    }

    static func title(_ pane: OpenedRun.Pane, opened: OpenedRun) -> String {
        let record = opened.record
        switch pane {
        case .steps:
            let count = record.trajectory.steps.count
            return "Run \(record.id)" + (count == 0 ? "" : " · step \(min(opened.step + 1, count)) of \(count)")
        case .memories: return "Shown memories · \(record.retrieval.injectedItemIDs.count) injected"
        case .verdict: return "Verdict · " + record.status.rawValue
        case .overrides: return "Gate overrides · \(record.overrides.count)"
        }
    }

    /// The interior of `pane` for the state's size; nil when collapsed.
    static func paneInterior(_ pane: OpenedRun.Pane, opened: OpenedRun, size: Size) -> Rect? {
        let layout = layout(ScreenFrame(size: size).body, focus: opened.focus)
        guard !layout.collapsed.contains(pane), let rect = layout.rects[pane] else { return nil }
        return Grid.paneInterior(rect)
    }

    static func lines(_ pane: OpenedRun.Pane, opened: OpenedRun, width: Int) -> [StyledLine] {
        switch pane {
        case .steps: steps(opened, width: width)
        case .memories: memories(opened.record, width: width)
        case .verdict: verdict(opened.record, width: width)
        case .overrides: overrides(opened.record, width: width)
        }
    }

    private static func steps(_ opened: OpenedRun, width: Int) -> [StyledLine] {
        let record = opened.record
        var lines = [
            StyledLine([
                Span(record.task.id, .title), Span(" · ", .muted), Span(record.status.rawValue, DisplayFormat.role(record.status)),
                Span(" · " + DisplayFormat.plural(record.trajectory.steps.count, "step") + " · " + DisplayFormat.count(record.usage.totalTokens)
                    + " tokens · " + DisplayFormat.cost(record.usage), .muted),
            ])
        ]
        lines += StyledLine.wrapped(record.task.query, width: width)
        let facts = [record.model.displayName, "memory " + record.memoryMode.rawValue, "env " + record.task.environment, DisplayFormat.dateTime(record.startedAt)]
        lines.append(StyledLine(TextLayout.truncate(facts.joined(separator: " · "), to: width), .muted))
        lines.append(.blank)
        let steps = record.trajectory.steps
        guard steps.indices.contains(opened.step) else {
            lines.append(StyledLine("The run has no steps.", .muted))
            return lines
        }
        let step = steps[opened.step]
        lines += RunContent.step(
            step, selected: true, highlighted: false, unfolded: true, width: width, heading: "Step \(step.index) of \(steps.count)")
        if opened.step == steps.count - 1 {
            lines.append(.blank)
            lines += StyledLine.labeled("final answer", record.trajectory.finalAnswer ?? "(none)", labelWidth: 13, width: width, labelRole: .muted)
        }
        return lines
    }

    private static func memories(_ record: RunRecord, width: Int) -> [StyledLine] {
        let log = record.retrieval
        guard !log.hits.isEmpty else {
            var lines = StyledLine.wrapped(record.memoryMode == .none ? "Memory was off for this run." : "Nothing was retrieved.", width: width, role: .muted)
            if !log.excludedByLeakageGuard.isEmpty {
                lines += StyledLine.wrapped("\(DisplayFormat.plural(log.excludedByLeakageGuard.count, "same-task experience")) skipped by the leakage guard.", width: width, role: .muted)
            }
            return lines
        }
        let injected = Set(log.injectedItemIDs)
        let pad = "      "
        var lines: [StyledLine] = []
        for (index, hit) in log.hits.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines.append(StyledLine([Span(TextLayout.pad(DisplayFormat.score(hit.score), to: 6), .accent), Span("experience " + hit.experienceID, .title)]))
            lines.append(StyledLine(pad + TextLayout.truncate("task \(hit.taskID ?? "?") · " + TextLayout.singleLine(hit.query), to: max(1, width - 6)), .muted))
            for id in hit.itemIDs {
                let shown = injected.contains(id)
                lines.append(StyledLine(pad + (shown ? "✓ " : "· ") + id + (shown ? " injected" : " not injected"), shown ? .success : .muted))
            }
        }
        let handPicked = injected.subtracting(log.hits.flatMap(\.itemIDs))
        for id in handPicked.sorted() { lines.append(StyledLine(pad + "✓ " + id + " injected (chosen at the gate)", .success)) }
        return lines
    }

    private static func verdict(_ record: RunRecord, width: Int) -> [StyledLine] {
        var lines = RunContent.verdict(record.verdict, truth: record.groundTruth, width: width)
        if record.verdict == nil { lines.append(StyledLine("Not judged.", .muted)) }
        if let message = record.errorMessage {
            lines.append(.blank)
            lines += StyledLine.wrapped(message, width: width, role: .failure)
        }
        if !record.storedItemIDs.isEmpty {
            lines.append(.blank)
            lines += StyledLine.labeled("stored", record.storedItemIDs.joined(separator: ", "), labelWidth: 14, width: width)
        }
        return lines
    }

    private static func overrides(_ record: RunRecord, width: Int) -> [StyledLine] {
        guard !record.overrides.isEmpty else {
            return StyledLine.wrapped("None: every gate proceeded as the loop decided.", width: width, role: .muted)
        }
        var lines: [StyledLine] = []
        for (index, override) in record.overrides.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines.append(StyledLine([Span(override.gate, .warning), Span("  " + DisplayFormat.shortDateTime(override.at), .muted)]))
            lines += StyledLine.wrapped(override.summary, width: width, indent: 2)
        }
        return lines
    }
}
