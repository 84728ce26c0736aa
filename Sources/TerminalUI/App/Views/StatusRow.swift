/// The row above the key bar: the flash message or what the screen is doing on the left, the screens on
/// the right. While the palette is open it is the palette's input line.
enum StatusRow {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid, theme: Theme) {
        if case .palette = state.overlay {
            drawPalette(state.palette.input, in: rect, grid: &grid, theme: theme)
            return
        }
        let tabs = tabsLine(state.screen)
        let tabsWidth = tabs.width
        let message = message(state)
        // A flash that needs the room takes the tabs' place.
        let showTabs = rect.width - 4 - tabsWidth >= (state.status == nil ? 24 : message.width)
        let leftWidth = rect.width - 2 - (showTabs ? tabsWidth + 2 : 0)
        grid.draw(message, x: rect.x + 1, y: rect.y, width: leftWidth, theme: theme)
        if showTabs { grid.draw(tabs, x: rect.maxX - 1 - tabsWidth, y: rect.y, width: tabsWidth, theme: theme) }
    }

    /// `[1 Run]  2 Bank  3 Runs`, the current screen bracketed.
    static func tabsLine(_ current: Screen) -> StyledLine {
        var line = StyledLine()
        for screen in Screen.allCases {
            if !line.spans.isEmpty { line = line.appending(" ") }
            let label = "\(screen.rawValue) \(screen.title)"
            line = screen == current ? line.appending("[" + label + "]", .title) : line.appending(" " + label + " ", .muted)
        }
        return line
    }

    /// The flash, else a held gate elsewhere, else the screen's own summary.
    static func message(_ state: AppState) -> StyledLine {
        if let status = state.status { return StyledLine(status.text, status.role) }
        if let gate = state.gate, state.screen != .run {
            return StyledLine([Span("‖ ", .warning), Span("The run is held at \(gate.ticket.gate.name); press 1 to answer.", .warning)])
        }
        switch state.screen {
        case .run: return runSummary(state)
        case .bank: return bankSummary(state.bank)
        case .compare: return compareSummary(state)
        case .runs:
            let runs = state.runs
            guard runs.hasLoaded else { return StyledLine("Loading the run history…", .muted) }
            return StyledLine(
                DisplayFormat.plural(runs.runs.count, "run") + " · " + DisplayFormat.plural(runs.benches.count, "saved bench", "saved benches"),
                .muted)
        }
    }

    private static func runSummary(_ state: AppState) -> StyledLine {
        let step = state.stepMode ? " · step mode" : ""
        guard let live = state.run.live else {
            return StyledLine("No run yet · r picks a task" + step, .muted)
        }
        let record = live.record
        let steps = DisplayFormat.plural(live.steps.count, "step")
        if let gate = state.gate, live.isRunning {
            return StyledLine([Span("‖ held ", .warning), Span("\(record.task.id) · \(steps) · at \(gate.ticket.gate.name)", .text)])
        }
        if live.isRunning {
            return StyledLine([Span("● running ", .accent), Span("\(record.task.id) · \(steps)\(step)", .text)])
        }
        return StyledLine([
            Span("■ " + record.status.rawValue + " ", DisplayFormat.role(record.status)),
            Span("\(record.task.id) · \(steps) · \(DisplayFormat.count(record.usage.totalTokens)) tokens\(step)", .muted),
        ])
    }

    /// What the Compare screen is doing and which columns are shown, compactly (the tabs share the row);
    /// the k of the next MaTTS run when it differs.
    private static func compareSummary(_ state: AppState) -> StyledLine {
        let compare = state.compare
        guard let comparison = compare.comparison else { return StyledLine("No comparison yet · next k=\(compare.k)", .muted) }
        var line: StyledLine
        if comparison.isRunning {
            line = StyledLine([
                Span("● ", .accent), Span(comparison.kind.label + " · \(comparison.endedCount)/\(comparison.columns.count) ended", .text),
            ])
        } else {
            let status = comparison.main?.record.status
            line = StyledLine([
                Span("■ " + (status?.rawValue ?? "ended") + " · ", status.map(DisplayFormat.role) ?? .text),
                Span(comparison.kind.label, .muted),
            ])
        }
        let shown = CompareScreenView.shownColumns(state)
        if shown.count < comparison.columns.count {
            line = line.appending(" · \(shown.lowerBound + 1)–\(shown.upperBound) of \(comparison.columns.count)", .muted)
        }
        if comparison.kind != .scaling(.parallel, k: compare.k), comparison.kind != .scaling(.sequential, k: compare.k) {
            line = line.appending(" · next k=\(compare.k)", .muted)
        }
        return line
    }

    private static func bankSummary(_ bank: BankScreenState) -> StyledLine {
        guard bank.hasLoaded else { return StyledLine("Loading the bank…", .muted) }
        var parts = [DisplayFormat.plural(bank.items.count, "item")]
        if !bank.query.isEmpty { parts.append((bank.isSemantic ? "semantic search " : "search ") + "“\(bank.query)”") }
        if bank.includesArchived { parts.append("archived shown") }
        if !bank.marked.isEmpty { parts.append("\(bank.marked.count) marked for merge") }
        return StyledLine(parts.joined(separator: " · "), .muted)
    }

    private static func drawPalette(_ input: LineInput, in rect: Rect, grid: inout Grid, theme: Theme) {
        grid.put(":", x: rect.x + 1, y: rect.y, style: theme[.key])
        LineInputView.draw(input, x: rect.x + 2, y: rect.y, width: rect.width - 3, grid: &grid, theme: theme)
    }
}
