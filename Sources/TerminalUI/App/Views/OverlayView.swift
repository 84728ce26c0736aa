import ReasoningBank

/// The overlays: help, a command's output, a yes/no question and the task picker, drawn over the body.
enum OverlayView {
    static func draw(_ state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        guard let overlay = state.overlay else { return }
        switch overlay {
        case .help, .output, .taskPicker: grid.fill(body, style: theme[.text])
        case .confirm, .palette: break
        }
        switch overlay {
        case .help(let scroll):
            let box = readerRect(body: body, maxWidth: 88)
            drawReader(title: "Help · " + helpTitle(state), lines: helpLines(state, width: Grid.paneInterior(box).width), scroll: scroll, box: box, grid: &grid, theme: theme)
        case .output(let title, let text, let scroll):
            let box = readerRect(body: body, maxWidth: 120)
            drawReader(title: title, lines: outputLines(text, width: Grid.paneInterior(box).width), scroll: scroll, box: box, grid: &grid, theme: theme)
        case .confirm(let action):
            drawConfirm(action, body: body, grid: &grid, theme: theme)
        case .taskPicker(let picker):
            drawPicker(picker, state: state, body: body, grid: &grid, theme: theme)
        case .palette:
            break
        }
    }

    // MARK: Help and output

    /// A box as wide as `maxWidth` allows, centred in the (cleared) body.
    static func readerRect(body: Rect, maxWidth: Int) -> Rect {
        let width = min(body.width, maxWidth)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y, width: width, height: body.height)
    }

    /// The lines the help or output overlay scrolls through, and how many fit, for the state's size.
    static func readerLines(_ state: AppState) -> (lines: [StyledLine], visible: Int) {
        let body = ScreenFrame(size: state.size).body
        switch state.overlay {
        case .help:
            let inner = Grid.paneInterior(readerRect(body: body, maxWidth: 88))
            return (helpLines(state, width: inner.width), inner.height)
        case .output(_, let text, _):
            let inner = Grid.paneInterior(readerRect(body: body, maxWidth: 120))
            return (outputLines(text, width: inner.width), inner.height)
        default:
            return ([], 1)
        }
    }

    private static func drawReader(title: String, lines: [StyledLine], scroll: Int, box: Rect, grid: inout Grid, theme: Theme) {
        let base = theme[.dialog]
        grid.fill(box, style: base)
        grid.drawPane(box, title: title, lines: lines, offset: scroll, focused: true, theme: theme, base: base)
    }

    static func helpTitle(_ state: AppState) -> String {
        if state.screen == .run, state.gate != nil { return "held gate" }
        return state.screen.title + " screen"
    }

    /// Help, generated from the binding table (`AppState.helpSections`).
    static func helpLines(_ state: AppState, width: Int) -> [StyledLine] {
        let sections = state.helpSections
        let keyWidth = min(16, (sections.flatMap(\.bindings).map { TextLayout.width($0.keyText) }.max() ?? 8) + 2)
        var lines: [StyledLine] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(StyledLine(section.title, .title))
            for binding in section.bindings {
                let summary = TextLayout.wrap(binding.summary, to: max(1, width - keyWidth - 2))
                for (index, piece) in summary.enumerated() {
                    let key = index == 0 ? TextLayout.pad(binding.keyText, to: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append(StyledLine([Span("  " + key, .key), Span(piece, .text)]))
                }
            }
        }
        return lines
    }

    static func outputLines(_ text: String, width: Int) -> [StyledLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            StyledLine.wrapped(String(line), width: width)
        }
    }

    // MARK: Questions

    static func question(_ action: ConfirmAction) -> (title: String, text: String, yes: String, no: String) {
        switch action {
        case .cancelRun, .cancelAtGate:
            ("Cancel the run?", "The run stops now and is recorded as cancelled. Nothing is extracted from it.", "cancel the run", "keep it going")
        case .cancelComparison:
            (
                "Cancel the comparison?", "Every column stops now; the runs are recorded as cancelled and nothing is extracted from them.",
                "cancel it", "keep it going"
            )
        case .quit:
            ("Quit while a run is in progress?", "The run is cancelled and recorded as cancelled.", "quit", "stay")
        }
    }

    private static func drawConfirm(_ action: ConfirmAction, body: Rect, grid: inout Grid, theme: Theme) {
        let (title, text, yes, no) = question(action)
        let width = min(body.width - 4, 60)
        var lines = StyledLine.wrapped(text, width: width - 4)
        lines.append(.blank)
        lines.append(StyledLine([Span("y", .key), Span(" " + yes + "    ", .text), Span("n", .key), Span(" " + no, .text)]))
        let height = min(body.height, lines.count + 2)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, (body.height - height) / 2), width: width, height: height)
        let base = theme[.dialog]
        grid.fill(Rect(x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2), style: theme[.text])
        grid.fill(box, style: base)
        grid.drawPane(box, title: title, lines: lines, offset: 0, focused: true, theme: theme, base: base)
    }

    // MARK: Task picker

    static func pickerRect(body: Rect) -> Rect { readerRect(body: body, maxWidth: 110) }

    /// Rows of tasks the picker shows at the state's size.
    static func pickerVisibleRows(_ state: AppState) -> Int {
        max(1, Grid.paneInterior(pickerRect(body: ScreenFrame(size: state.size).body)).height - 2)
    }

    private static func drawPicker(_ picker: TaskPicker, state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        let box = pickerRect(body: body)
        let base = theme[.dialog]
        grid.fill(box, style: base)
        let tasks = state.run.tasks
        let matches = picker.matches(tasks)
        var title: String
        switch picker.purpose {
        case .run: title = "Run a task · \(state.environment)"
        case .scaling(let mode, let k): title = "MaTTS \(mode.rawValue) k=\(k) · pick a task · \(state.environment)"
        case .memoryComparison: title = "With memory and without · pick a task · \(state.environment)"
        }
        if !tasks.isEmpty { title += picker.filter.isEmpty ? " · \(tasks.count) tasks" : " · \(matches.count) of \(tasks.count)" }
        if state.stepMode, picker.purpose == .run { title += " · step mode" }
        let inner = Grid.paneInterior(box)
        let visible = max(1, inner.height - 2)
        let cursor = picker.cursor.clamped(count: matches.count, visible: visible)
        let below = matches.count - cursor.top - visible
        grid.drawBox(box, title: title, focused: true, theme: theme, note: below > 0 ? "↓ \(below) more" : nil, base: base)
        grid.put("filter › ", x: inner.x, y: inner.y, style: theme[.key].layered(over: base))
        LineInputView.draw(picker.filter, x: inner.x + 9, y: inner.y, width: inner.width - 9, grid: &grid, theme: theme, base: base)
        let listRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: visible)
        guard !matches.isEmpty else {
            let message: String
            if tasks.isEmpty { message = state.run.tasksRequested ? "Loading the task suite…" : "The suite has no tasks." }
            else { message = "No task matches “\(picker.filter.text)”." }
            grid.draw(StyledLine(message, .muted), x: listRect.x, y: listRect.y, width: listRect.width, theme: theme, base: base)
            return
        }
        let idWidth = min(16, matches.map { TextLayout.width($0.id) }.max() ?? 8)
        let showFamily = inner.width >= 90
        let familyWidth = showFamily ? min(24, matches.compactMap { $0.family.map(TextLayout.width) }.max() ?? 0) : 0
        let rows = matches.enumerated().map { index, task in
            let selected = index == cursor.selection
            var line = StyledLine([Span(selected ? "▸ " : "  ", .accent), Span(TextLayout.pad(task.id, to: idWidth) + "  ", .title)])
            let queryWidth = inner.width - 2 - idWidth - 2 - (familyWidth > 0 ? familyWidth + 2 : 0)
            line = line.appending(TextLayout.pad(TextLayout.singleLine(task.query), to: max(1, queryWidth)), .text)
            if familyWidth > 0 { line = line.appending("  " + TextLayout.pad(task.family ?? "", to: familyWidth), .muted) }
            return line.highlighted(selected ? .selection : nil)
        }
        grid.draw(rows, in: listRect, offset: cursor.top, theme: theme, base: base)
    }
}
