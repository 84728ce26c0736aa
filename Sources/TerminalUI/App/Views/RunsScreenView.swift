import Foundation
import ReasoningBank

/// The Runs screen: run history and saved benches; an opened run replaces them (see `OpenedRunView`).
enum RunsScreenView {
    struct Layout: Sendable {
        var runs: Rect
        var benches: Rect
    }

    static func layout(_ body: Rect) -> Layout {
        let benchHeight = max(5, body.height / 4)
        let (runs, benches) = body.splitBottom(benchHeight)
        return Layout(runs: runs, benches: benches)
    }

    static func draw(_ state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        if let opened = state.runs.opened {
            OpenedRunView.draw(opened, body: body, grid: &grid, theme: theme)
            return
        }
        let runs = state.runs
        let layout = layout(body)
        drawTable(
            title: "Runs · \(runs.runs.count)", rect: layout.runs, focused: runs.focus == .runs, cursor: runs.runCursor,
            empty: runs.hasLoaded ? "No runs yet. Runs you start on the Run screen, with rbank run or rbank bench, appear here." : "Loading the run history…",
            table: runTable(runs.runs, width: Grid.paneInterior(layout.runs).width, cursor: runs.runCursor.selection, focused: runs.focus == .runs),
            grid: &grid, theme: theme)
        drawTable(
            title: "Benches · \(runs.benches.count)", rect: layout.benches, focused: runs.focus == .benches, cursor: runs.benchCursor,
            empty: runs.hasLoaded ? "No saved benches. rbank bench runs the suite once per memory mode and saves the result." : "",
            table: benchTable(runs.benches, width: Grid.paneInterior(layout.benches).width, cursor: runs.benchCursor.selection, focused: runs.focus == .benches),
            grid: &grid, theme: theme)
    }

    /// How many rows of the runs (or benches) table fit.
    static func visibleRows(_ state: AppState, focus: RunsScreenState.Focus) -> Int {
        let layout = layout(ScreenFrame(size: state.size).body)
        return max(1, Grid.paneInterior(focus == .runs ? layout.runs : layout.benches).height - 1)
    }

    private static func drawTable(
        title: String, rect: Rect, focused: Bool, cursor: ListCursor, empty: String,
        table: (header: StyledLine, rows: [StyledLine]), grid: inout Grid, theme: Theme
    ) {
        let inner = Grid.paneInterior(rect)
        let visible = max(1, inner.height - 1)
        let clamped = cursor.clamped(count: table.rows.count, visible: visible)
        let below = table.rows.count - clamped.top - visible
        grid.drawBox(rect, title: title, focused: focused, theme: theme, note: below > 0 ? "↓ \(below) more" : nil)
        guard !table.rows.isEmpty else {
            grid.draw(StyledLine.wrapped(empty, width: inner.width, role: .muted), in: inner, theme: theme)
            return
        }
        grid.draw(table.header, x: inner.x, y: inner.y, width: inner.width, theme: theme)
        grid.draw(table.rows, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: visible), offset: clamped.top, theme: theme)
    }

    static func runTable(_ runs: [RunSummary], width: Int, cursor: Int, focused: Bool) -> (header: StyledLine, rows: [StyledLine]) {
        let wide = width >= 110
        let taskWidth = min(12, max(4, runs.map { TextLayout.width($0.taskID) }.max() ?? 4))
        let columns = [
            TableColumn(title: "  RUN", width: 16),
            TableColumn(title: "TASK", width: taskWidth),
            TableColumn(title: "ENV", width: 5, dropPriority: 3),
            TableColumn(title: "STATUS", width: 9),
            TableColumn(title: "STEPS", width: 5, alignment: .trailing),
            TableColumn(title: "TOKENS", width: 7, alignment: .trailing),
            TableColumn(title: "COST", width: 8, alignment: .trailing, dropPriority: 2),
            TableColumn(title: "STARTED", width: wide ? 16 : 11),
            TableColumn(title: "MEMORY", width: 13, dropPriority: 4),
            TableColumn(title: "QUERY", width: 20, isFlexible: true, dropPriority: 5),
        ]
        let widths = TableColumn.fit(columns, width: width)
        let rows = runs.enumerated().map { index, run in
            TableColumn.row(
                [
                    Span((index == cursor ? "▸ " : "  ") + run.id, .muted), Span(run.taskID, .title), Span(run.environment, .muted),
                    Span(run.status.rawValue, DisplayFormat.role(run.status)), Span(String(run.stepCount), .text),
                    Span(DisplayFormat.count(run.usage.totalTokens), .text), Span(DisplayFormat.cost(run.usage), .text),
                    Span(wide ? DisplayFormat.dateTime(run.startedAt) : DisplayFormat.shortDateTime(run.startedAt), .muted),
                    Span(memoryLabel(run), .muted), Span(TextLayout.singleLine(run.query), .text),
                ], columns: columns, widths: widths
            ).highlighted(index == cursor && focused ? .selection : nil)
        }
        return (TableColumn.header(columns, widths: widths), rows)
    }

    /// The memory mode, or for a MaTTS run its scaling in short (`matts-par k=5`).
    static func memoryLabel(_ run: RunSummary) -> String {
        guard let scaling = run.scaling else { return run.memoryMode.rawValue }
        return scaling.replacingOccurrences(of: "parallel", with: "par").replacingOccurrences(of: "sequential", with: "seq")
    }

    static func benchTable(_ benches: [BenchResult], width: Int, cursor: Int, focused: Bool) -> (header: StyledLine, rows: [StyledLine]) {
        let wide = width >= 110
        let columns = [
            TableColumn(title: "  BENCH", width: 16),
            TableColumn(title: "ENV", width: 5),
            TableColumn(title: "TASKS", width: 5, alignment: .trailing),
            TableColumn(title: "STARTED", width: wide ? 16 : 11, dropPriority: 1),
            TableColumn(title: "SUCCESS BY MEMORY MODE", width: 20, isFlexible: true),
        ]
        let widths = TableColumn.fit(columns, width: width)
        let rows = benches.enumerated().map { index, bench in
            TableColumn.row(
                [
                    Span((index == cursor ? "▸ " : "  ") + bench.id, .muted), Span(bench.environment, .muted),
                    Span(String(bench.taskIDs.count), .text),
                    Span(wide ? DisplayFormat.dateTime(bench.startedAt) : DisplayFormat.shortDateTime(bench.startedAt), .muted),
                    Span(modes(bench), .text),
                ], columns: columns, widths: widths
            ).highlighted(index == cursor && focused ? .selection : nil)
        }
        return (TableColumn.header(columns, widths: widths), rows)
    }

    /// `none 42% · reasoningbank 58%`, marked when the bench was cancelled.
    static func modes(_ bench: BenchResult) -> String {
        bench.modes.map { "\($0.label) \(DisplayFormat.percent($0.successRate))" }.joined(separator: " · ")
            + (bench.cancelled ? " · cancelled" : "")
    }

    /// A bench as a text table, for the output overlay.
    static func benchReport(_ bench: BenchResult) -> String {
        var lines = [
            "bench \(bench.id) · env \(bench.environment) · \(bench.taskIDs.count) tasks · model \(bench.model.displayName)",
            "embedder \(bench.embedder) · seed \(bench.seed) · started \(DisplayFormat.dateTime(bench.startedAt))"
                + (bench.cancelled ? " · CANCELLED before the end" : ""),
            "",
        ]
        let header = ["mode", "tasks", "success", "avg steps", "judge accuracy", "tokens", "cost", "errors"]
        let body = bench.modes.map { mode in
            [
                mode.label, String(mode.outcomes.count), DisplayFormat.percent(mode.successRate),
                mode.averageSteps.map { String(format: "%.2f", $0) } ?? "—", DisplayFormat.percent(mode.judgeAccuracy),
                DisplayFormat.count(mode.usage.totalTokens), DisplayFormat.cost(mode.usage), String(mode.errors),
            ]
        }
        let widths = header.indices.map { column in ([header[column]] + body.map { $0[column] }).map(TextLayout.width).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? TextLayout.pad(cell, to: widths[index]) : TextLayout.padLeading(cell, to: widths[index])
            }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines.append(line(widths.map { String(repeating: "─", count: $0) }))
        lines += body.map(line)
        lines.append("")
        lines.append("Success by the environment's ground-truth evaluators; judge accuracy is the LLM judge against them.")
        return lines.joined(separator: "\n")
    }
}
